package policybot.corpus;

import dev.langchain4j.data.document.BlankDocumentException;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.parser.apache.tika.ApacheTikaDocumentParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Reads the text of a policy file in any of the formats schools keep them in. */
public final class DocumentText {

  /** File endings we read; anything else in a school folder is ignored. */
  public static final Set<String> FORMATS = Set.of("txt", "md", "docx", "pdf", "html", "htm");

  private DocumentText() {}

  /** Thrown when a file cannot be turned into text; the message names the file and the cause. */
  public static final class UnreadableDocumentException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableDocumentException(Path file, String why, Throwable cause) {
      super(file.getFileName() + ": " + why, cause);
    }
  }

  public static boolean isSupported(Path file) {
    return FORMATS.contains(extension(file));
  }

  /** The text of {@code file}; plain text and markdown are read directly, others through Tika. */
  public static String read(Path file, byte[] bytes) throws UnreadableDocumentException {
    String ext = extension(file);
    if (ext.equals("txt") || ext.equals("md")) {
      return decode(bytes);
    }
    if (!FORMATS.contains(ext)) {
      throw new UnreadableDocumentException(file, "unsupported file type ." + ext, null);
    }
    if (!hasExpectedSignature(ext, bytes)) {
      throw new UnreadableDocumentException(file, "is not a real ." + ext + " file (its content is something else)", null);
    }
    try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
      Document doc = new ApacheTikaDocumentParser().parse(in);
      String text = doc.text();
      if (text == null || text.isBlank()) {
        throw new UnreadableDocumentException(file, "no text found in the file", null);
      }
      return text;
    } catch (BlankDocumentException e) {
      throw new UnreadableDocumentException(file, "no text found in the file", e);
    } catch (UnreadableDocumentException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Tika wraps the real cause (a corrupt zip, a damaged PDF) several levels deep
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      throw new UnreadableDocumentException(file, "could not be parsed as ." + ext + " (" + why + ")", e);
    }
  }

  public static String read(Path file) throws UnreadableDocumentException {
    try {
      return read(file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UnreadableDocumentException(file, "could not be read (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Tika picks a parser by content, so a damaged .docx that happens to be text would be indexed as
   * text; checking the format's own signature reports it instead.
   */
  private static boolean hasExpectedSignature(String ext, byte[] bytes) {
    return switch (ext) {
      case "docx" -> startsWith(bytes, new byte[] {'P', 'K', 3, 4});
      case "pdf" -> startsWith(bytes, "%PDF".getBytes(StandardCharsets.US_ASCII));
      default -> true;
    };
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** UTF-8 when valid, else Windows-1252, which is what older Word exports to text use. */
  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
