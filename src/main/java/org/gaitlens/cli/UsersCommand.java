package org.gaitlens.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.store.DuplicateRecordException;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.UserAccount;
import org.gaitlens.store.UserRole;
import org.gaitlens.web.PasswordHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gaitlens users}: web app accounts; {@code users add-admin NAME} creates an administrator. */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "List the web app's accounts. Therapists are added by an administrator in the web app.",
        subcommands = UsersCommand.AddAdmin.class)
public final class UsersCommand implements Callable<Integer> {
    /** Environment variable with the new administrator's password (scripts); else it is asked for. */
    public static final String PASSWORD_VARIABLE = "GAITLENS_ADMIN_PASSWORD";

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StudyStore s = StudyStore.open(store.config())) {
            out.printf(Locale.ROOT, "%-24s %-10s %s%n", "USER", "ROLE", "ACTIVE");
            for (UserAccount u : s.users().list()) {
                out.printf(Locale.ROOT, "%-24s %-10s %s%n", u.username(), u.role().name().toLowerCase(Locale.ROOT),
                        u.active() ? "yes" : "no");
            }
            out.flush();
        }
        return 0;
    }

    /** {@code gaitlens users add-admin NAME}. */
    @Command(name = "add-admin", mixinStandardHelpOptions = true,
            description = {"Create an administrator of the web app (the first account).",
                "The password is read from " + PASSWORD_VARIABLE + " if set, else asked for twice."})
    static final class AddAdmin implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Parameters(paramLabel = "NAME", description = "User name: letters, digits, '.', '_', '@', '-'.")
        String username;

        @Mixin
        StoreOptions store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try {
                UserAccount.checkUsername(username);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage(), e);
            }
            String password = readPassword();
            String hash;
            try {
                hash = new PasswordHasher().hash(password);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage(), e);
            }
            StoreOptions options = store.orParent(spec, parent.store);
            try (StudyStore s = StudyStore.open(options.config())) {
                s.users().create(username, hash, UserRole.ADMIN);
                s.audit().record(java.util.Optional.empty(), "cli", "create-user", username, "ADMIN");
                out.printf(Locale.ROOT, "Created administrator %s in %s. Start the web app with: gaitlens serve%n",
                        username, s.dataDir());
                out.flush();
            } catch (DuplicateRecordException e) {
                throw new InvalidInputException("user " + username + " already exists", e);
            }
            return 0;
        }

        private String readPassword() throws IOException {
            String env = System.getenv(PASSWORD_VARIABLE);
            if (env != null && !env.isEmpty()) {
                return env;
            }
            Console console = System.console();
            if (console != null) {
                char[] a = console.readPassword("Password for %s (at least %d characters): ", username,
                        PasswordHasher.MIN_PASSWORD_LENGTH);
                char[] b = console.readPassword("Repeat the password: ");
                if (a == null || b == null || !java.util.Arrays.equals(a, b)) {
                    throw new InvalidInputException("the two passwords differ; nothing was created");
                }
                return new String(a);
            }
            // No console (piped input): one line from standard input.
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                throw new InvalidInputException("no password given: set " + PASSWORD_VARIABLE
                        + " or type it when asked");
            }
            return line;
        }
    }
}
