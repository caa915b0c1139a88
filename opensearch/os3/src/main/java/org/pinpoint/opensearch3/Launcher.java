package org.pinpoint.opensearch3;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.reindex.ReindexModulePlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessModulePlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * Starts one real single-node OpenSearch 3.x cluster in this JVM (the 2.19 launcher, ../../../../../../src, with
 * 3.x's renamed module classes and plugin-info constructor) and keeps it running until SIGTERM/SIGINT.
 *
 * <p>Arguments are OpenSearch settings in the CLI's form, {@code -Ekey=value}, applied over the defaults below.
 * Environment: OPENSEARCH_PORT (http.port, default 9200; 0 picks a free port), OPENSEARCH_DATA (path.data,
 * default a temp dir removed on exit). When the node answers HTTP the launcher prints one line to stdout,
 * {@code OPENSEARCH_READY http://127.0.0.1:<port>}, which scripts/lib/opensearch_node.ts waits for: with port 0
 * that line is the only way to learn the port. OPENSEARCH_EXIT_ON_STDIN_EOF=1 makes the node exit when its stdin
 * closes, so a node started by a script dies with that script; OPENSEARCH_EXIT_AFTER_START=1 stops it right
 * after the ready line (scripts/bootstrap.sh uses such a run to record a class-data-sharing archive).
 *
 * <p>OPENSEARCH_HOME names a prepared path.home (e.g. config/ with the security plugin's files and certificates,
 * made per run by scripts/opensearch.sh): it replaces the temp home and is removed on exit the same way.
 * OPENSEARCH_EXTRA_PLUGINS is a comma-separated list of plugin classes found on the classpath (e.g.
 * org.opensearch.security.OpenSearchSecurityPlugin) loaded beside the four modules.
 */
public final class Launcher {
  private static final List<Class<? extends Plugin>> PLUGINS =
      List.of(
          Netty4ModulePlugin.class, // HTTP and transport
          ReindexModulePlugin.class, // _reindex, _update_by_query, _delete_by_query
          CommonAnalysisModulePlugin.class, // the analyzers and filters a distribution ships
          PainlessModulePlugin.class); // scripts, e.g. converting epoch-millis timestamps during a reindex

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    // Log4j's own shutdown hook would stop logging before the node has logged its shutdown (the distribution
    // sets the same property in jvm.options).
    System.setProperty("log4j.shutdownHookEnabled", "false");
    System.setProperty("log4j2.disable.jmx", "true");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    String homeEnv = System.getenv("OPENSEARCH_HOME");
    Path home =
        homeEnv == null || homeEnv.isBlank()
            ? Files.createTempDirectory("opensearch-home-")
            : Paths.get(homeEnv).toAbsolutePath();
    String dataEnv = System.getenv("OPENSEARCH_DATA");
    boolean tempData = dataEnv == null || dataEnv.isBlank();
    Path data = tempData ? home.resolve("data") : Paths.get(dataEnv).toAbsolutePath();
    Files.createDirectories(data);

    Settings.Builder builder =
        Settings.builder()
            .put("cluster.name", "pinpoint-dev-os3")
            .put("node.name", "pinpoint-node")
            .put("path.home", home.toString())
            .put("path.data", data.toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", envOr("OPENSEARCH_PORT", "9200"))
            // A free transport port: several nodes (tests, dev host, other checkouts) may run at once.
            .put("transport.port", "0")
            .put("discovery.type", "single-node")
            // Dev and CI disks are often nearly full; the watermarks would block shard allocation.
            .put("cluster.routing.allocation.disk.threshold_enabled", "false")
            .put("logger.level", "INFO");
    for (String arg : args) {
      if (!arg.startsWith("-E") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected -Ekey=value, got: " + arg);
      }
      int eq = arg.indexOf('=');
      builder.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    Settings settings = builder.build();

    LogConfigurator.registerErrorListener();
    LogConfigurator.setNodeName(settings.get("node.name"));
    LogConfigurator.configureWithoutConfig(settings);

    Environment environment =
        InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> settings.get("node.name"));
    Node node = new ClasspathPluginNode(environment, plugins());

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close();
                    node.awaitClose(30, TimeUnit.SECONDS);
                  } catch (IOException | InterruptedException e) {
                    e.printStackTrace();
                  } finally {
                    deleteTree(home); // a given data dir lives outside home and is kept
                    stopped.countDown();
                  }
                },
                "opensearch-shutdown"));

    try {
      node.start();
      // A single node cannot place replicas; without this every new index stays yellow. Node settings cannot
      // carry it (index creation reads the cluster's persistent settings), so set it once through the API.
      node.client()
          .admin()
          .cluster()
          .prepareUpdateSettings()
          .setPersistentSettings(Settings.builder().put("cluster.default_number_of_replicas", 0))
          .get();
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1); // runs the shutdown hook, which closes the half-started node
    }
    if ("1".equals(System.getenv("OPENSEARCH_EXIT_ON_STDIN_EOF"))) {
      exitWhenStdinCloses();
    }
    TransportAddress http = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
    out.println("OPENSEARCH_READY http://127.0.0.1:" + http.getPort());
    if ("1".equals(System.getenv("OPENSEARCH_EXIT_AFTER_START"))) {
      System.exit(0); // a warm-up run, e.g. the one that records the class-data-sharing archive
    }
    stopped.await();
  }

  /**
   * The parent (scripts/lib/opensearch_node.ts) holds our stdin open and never writes to it; the pipe closes
   * when the parent dies in any way, even SIGKILL, so EOF means nobody will ever stop this node: exit.
   */
  private static void exitWhenStdinCloses() {
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (System.in.read() != -1) {
                  // ignore input
                }
              } catch (IOException e) {
                // treat a broken pipe like EOF
              }
              System.exit(0);
            },
            "stdin-watchdog");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** The four modules, then OPENSEARCH_EXTRA_PLUGINS. */
  private static List<Class<? extends Plugin>> plugins() throws ClassNotFoundException {
    List<Class<? extends Plugin>> all = new ArrayList<>(PLUGINS);
    for (String name : envOr("OPENSEARCH_EXTRA_PLUGINS", "").split(",")) {
      if (!name.isBlank()) {
        all.add(Class.forName(name.trim()).asSubclass(Plugin.class));
      }
    }
    return all;
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: a leftover temp dir is harmless.
    }
  }
}
