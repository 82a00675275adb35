package org.promiseledger.kernel;

import java.io.File;

/**
 * How to start this program again, for the hints it prints ("export payouts: java -jar target/promise-ledger.jar
 * ..."): the jar as the user named it when launching (java -jar puts exactly that path on the class path), so a
 * hint can be copied as it is; {@code promise-ledger.jar} when not launched from a jar (tests, an IDE).
 */
public final class LaunchCommand {

    private LaunchCommand() {
    }

    /** {@code java -jar <the jar as launched>}, e.g. {@code java -jar target/promise-ledger.jar}. */
    public static String javaJar() {
        return "java -jar " + jar(System.getProperty("java.class.path", ""));
    }

    /** {@link #javaJar()} to be placed inside a printf format: a {@code %} of the path doubled. */
    public static String inFormat() {
        return javaJar().replace("%", "%%");
    }

    static String jar(String classPath) {
        boolean oneJar = classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator);
        String jar = oneJar ? classPath : "promise-ledger.jar";
        return jar.contains(" ") ? "\"" + jar + "\"" : jar;
    }
}
