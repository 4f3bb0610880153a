package io.github.remoteclusters.elasticsearch.internal.access;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.core.Redaction;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriteException;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import io.github.remoteclusters.elasticsearch.spi.ManualStepRequiredException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link CredentialWriter} that runs the user's command through {@code /bin/sh -c}, with the
 * encoded key on standard input only: never on the command line, never in the environment,
 * never in a message. Not API.
 */
public final class CommandCredentialWriter implements CredentialWriter {

  /** The longest stderr kept for a message. */
  private static final int MAX_STDERR = 2_000;

  private final String storeCommand;
  private final String removeCommand;
  private final Duration timeout;

  /**
   * Creates the writer.
   *
   * @param storeCommand the command that stores a secret read from stdin; may hold {@code
   *     {cluster}}, {@code {alias}} and {@code {setting}}
   * @param removeCommand the command that removes the setting, or null when removal is manual
   * @param timeout how long one command may run
   */
  public CommandCredentialWriter(String storeCommand, String removeCommand, Duration timeout) {
    this.storeCommand = requireCommand(storeCommand, "storeCommand");
    this.removeCommand = removeCommand == null ? null : requireCommand(removeCommand, "removeCommand");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout [" + timeout + "] must be positive");
    }
  }

  private static String requireCommand(String command, String name) {
    Objects.requireNonNull(command, name);
    if (command.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return command;
  }

  /**
   * The keystore setting that holds an alias's credentials.
   *
   * @param alias the alias
   * @return {@code cluster.remote.<alias>.credentials}
   */
  public static String setting(String alias) {
    return EckNames.credentialsKey(alias);
  }

  /**
   * The command with its placeholders replaced by shell-quoted values.
   *
   * @param template the user's command
   * @param cluster the local cluster's name
   * @param alias the alias
   * @return the command for {@code sh -c}
   */
  public static String expand(String template, String cluster, String alias) {
    return template
        .replace("{cluster}", shellQuote(cluster))
        .replace("{alias}", shellQuote(alias))
        .replace("{setting}", shellQuote(setting(alias)));
  }

  /** Single-quotes a value for a POSIX shell. */
  static String shellQuote(String value) {
    return "'" + value.replace("'", "'\"'\"'") + "'";
  }

  @Override
  public void store(Cluster local, String alias, String encodedApiKey) {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(encodedApiKey, "encodedApiKey");
    run(expand(storeCommand, local.name(), alias), local.name(), alias, encodedApiKey);
  }

  @Override
  public void remove(Cluster local, String alias) {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(alias, "alias");
    if (removeCommand == null) {
      throw new ManualStepRequiredException(
          local.name(),
          alias,
          "on every node of cluster ["
              + local.name()
              + "] run: bin/elasticsearch-keystore remove "
              + setting(alias)
              + " (or give a remove command), then run this again");
    }
    run(expand(removeCommand, local.name(), alias), local.name(), alias, null);
  }

  private void run(String command, String cluster, String alias, String secret) {
    ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", "-c", command));
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new CredentialWriteException(
          cluster, alias, -1, "cannot start the credentials command: " + e.getMessage(), e);
    }
    CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
    try (OutputStream in = process.getOutputStream()) {
      if (secret != null) {
        in.write((secret + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // The command may exit without reading stdin; its exit code tells what happened.
    }
    boolean exited;
    try {
      exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CredentialWriteException(cluster, alias, -1, "interrupted while the credentials command ran", e);
    }
    if (!exited) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new CredentialWriteException(
          cluster, alias, -1,
          "the credentials command did not finish within " + timeout.toMillis() + " ms and was killed", null);
    }
    int code = process.exitValue();
    if (code != 0) {
      String err = stderrText(stderr, secret);
      throw new CredentialWriteException(
          cluster, alias, code,
          "the credentials command exited with code " + code + (err.isEmpty() ? "" : "; stderr: " + err),
          null);
    }
  }

  private static byte[] drain(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (out.size() < MAX_STDERR * 4) {
          out.write(buffer, 0, n);
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The command's stderr, every form of the secret redacted before it is cut to length. */
  private static String stderrText(CompletableFuture<byte[]> stderr, String secret) {
    try {
      String text = redact(
          new String(stderr.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip(), secret);
      return text.length() > MAX_STDERR ? text.substring(0, MAX_STDERR) + "..." : text;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    } catch (ExecutionException | TimeoutException e) {
      return "";
    }
  }

  /** Parts shorter than this are not looked for (they would match ordinary words). */
  private static final int MIN_PART = 4;

  /**
   * Removes every form of the secret from a command's output: the encoded key as given, its
   * URL-safe and unpadded base64 variants, the decoded {@code id:key}, the id, the key part, and
   * the base64 forms of each part; longest first, so that no piece of a longer form is left.
   */
  static String redact(String text, String secret) {
    if (secret == null || secret.isEmpty() || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String form : forms(secret)) {
      out = out.replace(form, Redaction.REDACTED);
    }
    return out;
  }

  /** Every form of an encoded API key that a command might print, longest first. */
  static List<String> forms(String secret) {
    java.util.Set<String> forms = new java.util.LinkedHashSet<>();
    addBase64Forms(forms, secret);
    String decoded = decode(secret);
    if (decoded != null) {
      forms.add(decoded);
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        for (String part : List.of(decoded.substring(0, colon), decoded.substring(colon + 1))) {
          forms.add(part);
          addBase64Forms(forms, java.util.Base64.getEncoder()
              .encodeToString(part.getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
    return forms.stream().filter(f -> f.length() >= MIN_PART)
        .sorted(java.util.Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  /** A base64 text as given, unpadded, URL-safe, and URL-safe unpadded. */
  private static void addBase64Forms(java.util.Set<String> forms, String base64) {
    String unpadded = base64.replaceAll("=+$", "");
    forms.add(base64);
    forms.add(unpadded);
    forms.add(base64.replace('+', '-').replace('/', '_'));
    forms.add(unpadded.replace('+', '-').replace('/', '_'));
  }

  /** The decoded text of standard or URL-safe base64, padded or not; null when it is not base64. */
  private static String decode(String secret) {
    String s = secret.strip().replace('-', '+').replace('_', '/').replaceAll("=+$", "");
    try {
      byte[] bytes = java.util.Base64.getDecoder().decode(s + "==".substring(0, (4 - s.length() % 4) % 4));
      String text = new String(bytes, StandardCharsets.UTF_8);
      return text.isEmpty() || text.chars().anyMatch(c -> c < 0x20 || c == 0xfffd) ? null : text;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "CommandCredentialWriter[store=" + storeCommand
        + (removeCommand == null ? "" : ", remove=" + removeCommand) + ", timeout=" + timeout + "]";
  }
}
