package policybot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import policybot.config.Config;
import policybot.corpus.Corpus;
import policybot.corpus.CorpusLoader;

/** Options every command shares: where the config, the corpus and the data live. */
final class CommonOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: ./policybot.yml if present).")
  Path configFile;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Policy folder, one sub-folder per school (default: corpus).")
  Path corpus;

  @Option(names = "--data", paramLabel = "DIR", description = "Folder for the index and database (default: data).")
  Path data;

  Config config() {
    Config c = Config.load(Optional.ofNullable(configFile), System.getenv());
    if (corpus != null) {
      c = c.withCorpus(corpus);
    }
    if (data != null) {
      c = c.withData(data);
    }
    return c;
  }

  Corpus loadCorpus(PrintWriter err) throws IOException {
    Corpus corpus = new CorpusLoader().load(config().corpus());
    corpus.problems().forEach(p -> err.println("skipped " + p));
    return corpus;
  }
}
