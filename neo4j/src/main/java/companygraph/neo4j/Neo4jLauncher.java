package companygraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Embedded Neo4j Community server with a Bolt connector, for local development and tests.
 *
 * <p>Usage: {@code Neo4jLauncher [--data-dir DIR] [--port N] [--pagecache BYTES]}. Defaults come from
 * the environment variables {@code NEO4J_DATA_DIR} (required if no argument) and {@code NEO4J_PORT}
 * (7687; 0 picks a free port); the page cache is 64 MiB unless given (the heap is the JVM's
 * {@code -Xmx}). When {@code NEO4J_PASSWORD} is set, authentication is enabled and the {@code neo4j}
 * user's password is set to that value; otherwise authentication is disabled.
 *
 * <p>Standard output carries exactly one line, {@code NEO4J_READY bolt://127.0.0.1:PORT}, once Bolt
 * accepts connections (or nothing, if start-up fails). Everything else goes to standard error.
 *
 * <p>The server shuts down cleanly on SIGTERM/SIGINT and when standard input reaches end-of-file, so
 * a parent process that dies (and thereby closes the pipe) never leaves it running. Set
 * {@code NEO4J_EXIT_ON_STDIN_EOF=false} to disable the latter (e.g. when started with stdin at
 * /dev/null).
 *
 * <p>Exit codes: 0 clean stop, 2 bad arguments, 3 data folder locked by another process, 4 port in
 * use, 1 any other start-up failure.
 */
public final class Neo4jLauncher {
    private static final String HOST = "127.0.0.1";

    private Neo4jLauncher() {}

    public static void main(String[] args) {
        // Keep the real stdout for the ready line only; route everything else to stderr.
        PrintStream stdout = System.out;
        System.setOut(System.err);

        String dataDirArg = System.getenv("NEO4J_DATA_DIR");
        String portArg = System.getenv("NEO4J_PORT");
        String pageCacheArg = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data-dir") && i + 1 < args.length) {
                dataDirArg = args[++i];
            } else if (a.startsWith("--data-dir=")) {
                dataDirArg = a.substring("--data-dir=".length());
            } else if (a.equals("--port") && i + 1 < args.length) {
                portArg = args[++i];
            } else if (a.startsWith("--port=")) {
                portArg = a.substring("--port=".length());
            } else if (a.equals("--pagecache") && i + 1 < args.length) {
                pageCacheArg = args[++i];
            } else {
                fail(2, "unknown argument: " + a + " (usage: Neo4jLauncher --data-dir DIR [--port N] [--pagecache BYTES])");
            }
        }
        if (dataDirArg == null || dataDirArg.isBlank()) {
            fail(2, "no data folder given (use --data-dir DIR or NEO4J_DATA_DIR)");
        }
        int port = 7687;
        if (portArg != null && !portArg.isBlank()) {
            try {
                port = Integer.parseInt(portArg.trim());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                fail(2, "invalid port: " + portArg);
            }
        }
        long pageCache = ByteUnit.mebiBytes(64);
        if (pageCacheArg != null) {
            try {
                pageCache = Long.parseLong(pageCacheArg.trim());
            } catch (NumberFormatException e) {
                pageCache = -1;
            }
            if (pageCache < ByteUnit.mebiBytes(8)) {
                fail(2, "invalid page cache size (bytes, at least 8 MiB): " + pageCacheArg);
            }
        }
        String password = System.getenv("NEO4J_PASSWORD");
        boolean authEnabled = password != null && !password.isEmpty();
        boolean exitOnStdinEof = !"false".equalsIgnoreCase(System.getenv("NEO4J_EXIT_ON_STDIN_EOF"));

        Path home = Path.of(dataDirArg).toAbsolutePath().normalize();
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            fail(1, "cannot create data folder " + home + ": " + e.getMessage());
        }

        AtomicReference<DatabaseManagementService> dbmsRef = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean(false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService dbms = dbmsRef.get();
            if (dbms != null && stopped.compareAndSet(false, true)) {
                System.err.println("Neo4j: shutting down");
                try {
                    dbms.shutdown();
                    System.err.println("Neo4j: stopped");
                } catch (Throwable t) {
                    System.err.println("Neo4j: error during shutdown: " + t);
                }
            }
        }, "neo4j-shutdown"));

        if (exitOnStdinEof) {
            Thread stdinWatcher = new Thread(() -> {
                byte[] buf = new byte[256];
                try {
                    InputStream in = System.in;
                    while (in.read(buf) != -1) {
                        // ignore input; only end-of-file matters
                    }
                } catch (IOException ignored) {
                    // treat a broken stdin like end-of-file
                }
                System.err.println("Neo4j: stdin closed, stopping");
                System.exit(0);
            }, "neo4j-stdin-watcher");
            stdinWatcher.setDaemon(true);
            stdinWatcher.start();
        }

        DatabaseManagementService dbms;
        try {
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                    .setUserLogProvider(new Log4jLogProvider(System.err, Level.INFO))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, authEnabled)
                    .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                    // Bolt's Netty shutdown defaults to a 5 s quiet period (often 15 s in practice);
                    // a development server should stop promptly.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));
            dbms = builder.build();
        } catch (Throwable t) {
            handleStartFailure(t, home, port);
            return;
        }
        dbmsRef.set(dbms);
        if (stopped.get()) {
            return;
        }

        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(120_000)) {
                throw new IllegalStateException("database '" + db.databaseName() + "' did not become available");
            }
            if (authEnabled) {
                setPassword(dbms, password);
            }
            int boltPort = port;
            if (port == 0) {
                HostnamePort bound = ((GraphDatabaseAPI) db)
                        .getDependencyResolver()
                        .resolveDependency(ConnectorPortRegister.class)
                        .getLocalAddress(ConnectorType.BOLT);
                if (bound == null) {
                    throw new IllegalStateException("Bolt connector did not report its port");
                }
                boltPort = bound.getPort();
            }
            awaitAcceptingConnections(boltPort);
            stdout.println("NEO4J_READY bolt://" + HOST + ":" + boltPort);
            stdout.flush();
        } catch (Throwable t) {
            System.err.println("NEO4J_ERROR start-up failed: " + describe(t));
            t.printStackTrace(System.err);
            System.exit(1);
        }

        // Neo4j's threads keep the JVM alive, but do not rely on it: wait until shutdown.
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sets the password of the built-in {@code neo4j} user through the system database. Works in
     * Community edition; the embedded API runs with full privileges, so no login is needed.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // Restarting on an existing data folder with the same password.
            String msg = String.valueOf(e.getMessage());
            if (!msg.contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static void awaitAcceptingConnections(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Bolt port " + port + " does not accept connections", last);
    }

    private static void handleStartFailure(Throwable t, Path home, int port) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String name = c.getClass().getSimpleName();
            String msg = String.valueOf(c.getMessage());
            if (name.equals("FileLockException") || msg.contains("store_lock") || msg.contains("locked by another process")) {
                fail(3, "data folder " + home + " is in use by another Neo4j process (lock file "
                        + home.resolve("data").resolve("databases").resolve("store_lock")
                        + "); stop that server or use another data folder");
            }
            if (name.equals("PortBindException") || c instanceof java.net.BindException) {
                fail(4, "cannot listen on " + HOST + ":" + port + ", the port is already in use");
            }
        }
        System.err.println("NEO4J_ERROR start-up failed: " + describe(t));
        t.printStackTrace(System.err);
        System.exit(1);
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? String.valueOf(t) : t + " (caused by " + root + ")";
    }

    private static void fail(int code, String message) {
        System.err.println("NEO4J_ERROR " + message);
        System.err.flush();
        // halt, not exit: no shutdown hook should run against a half-built server
        Runtime.getRuntime().halt(code);
    }
}
