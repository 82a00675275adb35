package org.promiseledger.runs.partition;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.promiseledger.runs.partition.internal.PartitioningSettings;
import org.springframework.boot.autoconfigure.amqp.RabbitProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Starts {@code worker} processes on this machine, child JVMs of the same jar (or class path) with this process's
 * database, broker and queue, for {@code bench --workers N}; closing stops them (SIGTERM, then SIGKILL).
 */
@Component
public class LocalWorkers {

    private final DataSourceProperties dataSource;
    private final RabbitProperties rabbit;
    private final PartitioningSettings settings;

    LocalWorkers(DataSourceProperties dataSource, RabbitProperties rabbit, PartitioningSettings settings) {
        this.dataSource = dataSource;
        this.rabbit = rabbit;
        this.settings = settings;
    }

    /**
     * The arguments Spring Boot starts with: {@code bench --workers N} scores remotely, which has to be known when the
     * job is built, before the command line is parsed.
     */
    public static String[] launchArguments(String[] args) {
        boolean bench = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().filter("bench"::equals).isPresent();
        boolean workers = Arrays.stream(args).anyMatch(a -> a.equals("--workers") || a.startsWith("--workers="));
        if (!bench || !workers || Arrays.stream(args).anyMatch(a -> a.startsWith("--promise-ledger.partitioning="))) {
            return args;
        }
        String[] remote = Arrays.copyOf(args, args.length + 1);
        remote[args.length] = "--promise-ledger.partitioning=" + PartitioningSettings.REMOTE;
        return remote;
    }

    /** Started workers; each is listening when this returns. */
    public final class Started implements AutoCloseable {

        private final List<Process> processes;

        private Started(List<Process> processes) {
            this.processes = processes;
        }

        @Override
        public void close() throws InterruptedException {
            processes.forEach(Process::destroy);
            for (Process process : processes) {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
                }
            }
        }
    }

    public Started start(int count) throws IOException, InterruptedException {
        List<Process> processes = new ArrayList<>();
        List<StringBuffer> outputs = new ArrayList<>();
        Started started = new Started(processes);
        try {
            for (int i = 1; i <= count; i++) {
                ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true);
                Map<String, String> env = builder.environment();
                env.remove("PROMISE_LEDGER_PAUSE_AT");
                // secrets through the environment, not the process list
                env.put("SPRING_DATASOURCE_PASSWORD", dataSource.getPassword() == null ? "" : dataSource.getPassword());
                env.put("SPRING_RABBITMQ_PASSWORD", rabbit.getPassword() == null ? "" : rabbit.getPassword());
                Process process = builder.start();
                processes.add(process);
                outputs.add(pump(process, "[worker " + i + "] "));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            for (int i = 0; i < count; i++) {
                while (!outputs.get(i).toString().contains("worker ready")) {
                    if (!processes.get(i).isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("worker " + (i + 1) + " did not start:\n" + outputs.get(i));
                    }
                    Thread.sleep(100);
                }
            }
            return started;
        } catch (IOException | InterruptedException | RuntimeException e) {
            started.close();
            throw e;
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m");
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator) && Files.isRegularFile(Path.of(classPath))) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, "org.promiseledger.PromiseLedgerApplication"));
        }
        command.add("worker");
        command.add("--spring.datasource.url=" + dataSource.determineUrl());
        command.add("--spring.datasource.username=" + dataSource.determineUsername());
        command.add("--spring.rabbitmq.host=" + rabbit.determineHost());
        command.add("--spring.rabbitmq.port=" + rabbit.determinePort());
        command.add("--spring.rabbitmq.username=" + rabbit.determineUsername());
        command.add("--spring.rabbitmq.virtual-host=" + (rabbit.determineVirtualHost() == null ? "/" : rabbit.determineVirtualHost()));
        command.add("--promise-ledger.partition-queue=" + settings.partitionQueue());
        return command;
    }

    private static StringBuffer pump(Process process, String prefix) {
        StringBuffer output = new StringBuffer();
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.append(line).append('\n');
                    System.out.println(prefix + line);
                }
            } catch (IOException ignored) {
                // the worker was stopped
            }
        }, "worker output");
        thread.setDaemon(true);
        thread.start();
        return output;
    }
}
