package org.promiseledger.web;

import org.promiseledger.kernel.LaunchCommand;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/**
 * {@code serve}: the web scorecards over the same database as the batch commands. The batch commands run without a
 * web server ({@code spring.main.web-application-type: none}); main() starts a servlet context for this one command
 * ({@link #launchArguments}), and the command keeps the process alive until it is stopped (Ctrl-C, SIGTERM).
 */
@Component
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the scorecards in the browser on http://localhost:8080 (another port: --server.port=9090).",
                "Sign in with a login from app_user; `demo` creates demo logins and prints them."})
public class ServeCommand implements Callable<Integer>, ApplicationListener<ContextClosedEvent> {

    static final String SERVLET = "--spring.main.web-application-type=servlet";

    private final ApplicationContext context;
    private final CountDownLatch stopped = new CountDownLatch(1);

    ServeCommand(ApplicationContext context) {
        this.context = context;
    }

    /**
     * The arguments Spring Boot starts with: for {@code serve}, a servlet web application. As a command-line
     * property it outranks the application.yml default that keeps the batch commands free of a web server.
     */
    public static String[] launchArguments(String[] args) {
        boolean serve = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().filter("serve"::equals).isPresent();
        if (!serve || Arrays.asList(args).contains(SERVLET)) {
            return args;
        }
        String[] withWeb = Arrays.copyOf(args, args.length + 1);
        withWeb[args.length] = SERVLET;
        return withWeb;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            System.err.println("serve needs the web server, which starts when serve is the command:"
                    + " " + LaunchCommand.javaJar() + " serve");
            return 2;
        }
        System.out.printf("Promise Ledger scorecards on http://localhost:%d/ (Ctrl-C to stop)%n", web.getWebServer().getPort());
        stopped.await();
        return 0;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        stopped.countDown();
    }
}
