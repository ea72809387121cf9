package org.gaitlens.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.store.DuplicateRecordException;
import org.gaitlens.store.Patient;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.UserAccount;
import org.gaitlens.store.UserRole;

/**
 * Administration, for administrators only (anyone else gets 404): accounts ({@code GET/POST /admin/users}),
 * disabling and enabling an account ({@code POST /admin/users/active}), a new password for an account
 * ({@code POST /admin/users/password}; ends its sessions), giving and taking back a therapist's access to a patient
 * ({@code POST /admin/access}, {@code POST /admin/access/revoke}) and the audit log ({@code GET /admin/audit}, the
 * latest 500 events). An administrator cannot disable their own account, so the app always keeps one.
 */
final class AdminController {
    private final StudyStore store;
    private final Access access;
    private final Pages pages;
    private final AuditTrail audit;
    private final PasswordHasher hasher;

    AdminController(StudyStore store, Access access, Pages pages, AuditTrail audit, PasswordHasher hasher) {
        this.store = store;
        this.access = access;
        this.pages = pages;
        this.audit = audit;
        this.hasher = hasher;
    }

    /** One account on the users page, with the patients it was given access to. */
    public record UserRow(String username, String role, boolean active, boolean self, List<String> patients) {
    }

    /** {@code GET /admin/users}. */
    void usersPage(Context ctx) {
        access.requireAdmin(ctx);
        showUsers(ctx, null, null);
    }

    private void showUsers(Context ctx, String error, String notice) {
        Map<Long, String> pseudonyms = new HashMap<>();
        List<Patient> patientList = store.patients().list();
        patientList.forEach(p -> pseudonyms.put(p.id(), p.pseudonym()));
        Map<Long, List<String>> byUser = new HashMap<>();
        for (long[] a : store.users().listAccess()) {
            byUser.computeIfAbsent(a[0], k -> new ArrayList<>()).add(pseudonyms.get(a[1]));
        }
        long me = SecurityFilter.user(ctx).id();
        List<UserRow> rows = new ArrayList<>();
        for (UserAccount u : store.users().list()) {
            rows.add(new UserRow(u.username(), u.isAdmin() ? "administrator" : "therapist", u.active(), u.id() == me,
                    u.isAdmin() ? List.of() : byUser.getOrDefault(u.id(), List.of())));
        }
        Map<String, Object> m = pages.model(ctx, "Users");
        m.put("users", rows);
        m.put("patients", patientList);
        m.put("error", error);
        m.put("notice", notice);
        pages.render(ctx, "users", m);
    }

    /** {@code POST /admin/users}: a therapist or administrator account; any other role is refused (400). */
    void createUser(Context ctx) {
        access.requireAdmin(ctx);
        String username = field(ctx, "username").trim();
        String password = field(ctx, "password");
        UserRole role;
        switch (field(ctx, "role")) {
            case "admin" -> role = UserRole.ADMIN;
            case "therapist" -> role = UserRole.THERAPIST;
            default -> {
                refuse(ctx, HttpStatus.BAD_REQUEST, "Account not created: the role must be therapist or administrator.");
                return;
            }
        }
        try {
            UserAccount.checkUsername(username);
            store.users().create(username, hasher.hash(password), role);
        } catch (IllegalArgumentException e) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "Account not created: " + e.getMessage() + ".");
            return;
        } catch (DuplicateRecordException e) {
            refuse(ctx, HttpStatus.CONFLICT, "Account not created: the user name " + username + " is taken.");
            return;
        }
        audit.record(ctx, "create-user", username, role.name());
        showUsers(ctx, null, "Account " + username + " created.");
    }

    /** {@code POST /admin/users/active} ({@code username}, {@code active} true or false). */
    void setActive(Context ctx) {
        access.requireAdmin(ctx);
        Optional<UserAccount> u = store.users().find(field(ctx, "username"));
        boolean active = "true".equals(field(ctx, "active"));
        if (u.isEmpty()) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "No such user.");
            return;
        }
        if (!active && u.get().id() == SecurityFilter.user(ctx).id()) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "You cannot disable your own account.");
            return;
        }
        store.users().setActive(u.get().id(), active);
        audit.record(ctx, active ? "enable-user" : "disable-user", u.get().username(), "");
        showUsers(ctx, null, "Account " + u.get().username() + (active ? " enabled." : " disabled; it was signed out."));
    }

    /** {@code POST /admin/users/password} ({@code username}, {@code password}): a new password; sessions end. */
    void resetPassword(Context ctx) {
        access.requireAdmin(ctx);
        Optional<UserAccount> u = store.users().find(field(ctx, "username"));
        if (u.isEmpty()) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "No such user.");
            return;
        }
        try {
            store.users().resetPassword(u.get().id(), hasher.hash(field(ctx, "password")));
        } catch (IllegalArgumentException e) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "Password not changed: " + e.getMessage() + ".");
            return;
        }
        audit.record(ctx, "reset-password", u.get().username(), "");
        showUsers(ctx, null, "New password set for " + u.get().username() + "; the account was signed out everywhere.");
    }

    /** {@code POST /admin/access}: lets a user see a patient. */
    void grantAccess(Context ctx) {
        access.requireAdmin(ctx);
        Optional<UserAccount> u = store.users().find(field(ctx, "username"));
        Optional<Patient> p = store.patients().find(field(ctx, "pseudonym"));
        if (u.isEmpty() || p.isEmpty()) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "No such user or patient.");
            return;
        }
        store.users().grantAccess(u.get().id(), p.get().id());
        audit.record(ctx, "grant-access", access.pid(p.get()), u.get().username());
        showUsers(ctx, null, u.get().username() + " can now see patient " + p.get().pseudonym() + ".");
    }

    /** {@code POST /admin/access/revoke}: takes back a user's access to a patient. */
    void revokeAccess(Context ctx) {
        access.requireAdmin(ctx);
        Optional<UserAccount> u = store.users().find(field(ctx, "username"));
        Optional<Patient> p = store.patients().find(field(ctx, "pseudonym"));
        if (u.isEmpty() || p.isEmpty() || !store.users().revokeAccess(u.get().id(), p.get().id())) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "That user had no access to that patient.");
            return;
        }
        audit.record(ctx, "revoke-access", access.pid(p.get()), u.get().username());
        showUsers(ctx, null, u.get().username() + " can no longer see patient " + p.get().pseudonym() + ".");
    }

    /** {@code GET /admin/audit}. */
    void auditPage(Context ctx) {
        access.requireAdmin(ctx);
        Map<String, Object> m = pages.model(ctx, "Audit log");
        m.put("events", store.audit().recent(500));
        pages.render(ctx, "audit", m);
    }

    private void refuse(Context ctx, HttpStatus status, String message) {
        ctx.status(status);
        showUsers(ctx, message, null);
    }

    private static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }
}
