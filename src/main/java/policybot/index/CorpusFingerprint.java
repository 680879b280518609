package policybot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the corpus folder looks like on disk: every file's size and modification time. Cheap to take
 * every few seconds, unlike hashing every policy, and any save changes it.
 */
record CorpusFingerprint(Map<String, FileStamp> files) {

  /** One file's size and modification time. */
  record FileStamp(long size, long modifiedNanos) {}

  CorpusFingerprint {
    files = Map.copyOf(files);
  }

  /** Takes the fingerprint; fails when a file vanishes mid-walk, and the next poll tries again. */
  static CorpusFingerprint of(Path root) throws IOException {
    Map<String, FileStamp> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return new CorpusFingerprint(files);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(CorpusFingerprint::isPolicyFile)
          .forEach(p -> files.put(root.relativize(p).toString(), stamp(p)));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new CorpusFingerprint(files);
  }

  /** Editor backups and hidden files change on every keystroke and never hold policies. */
  private static boolean isPolicyFile(Path p) {
    String name = p.getFileName().toString();
    return Files.isRegularFile(p) && !name.startsWith(".") && !name.endsWith("~");
  }

  private static FileStamp stamp(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return new FileStamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
