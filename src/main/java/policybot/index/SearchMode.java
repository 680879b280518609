package policybot.index;

/** Which retrieval to run; the evaluation compares all three. */
public enum SearchMode {
  BM25,
  VECTOR,
  HYBRID
}
