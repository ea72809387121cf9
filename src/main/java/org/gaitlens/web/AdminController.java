package org.gaitlens.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.store.DuplicateRecordException;
import org.gaitlens.store.Patient;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.UserAccount;
import org.gaitlens.store.UserRole;

/**
 * Administration, for administrators only (anyone else gets 404): accounts ({@code GET/POST /admin/users}),
 * giving a user access to a patient ({@code POST /admin/access}) and the audit log ({@code GET /admin/audit},
 * the latest 500 events).
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

    /** {@code GET /admin/users}. */
    void usersPage(Context ctx) {
        access.requireAdmin(ctx);
        showUsers(ctx, null, null);
    }

    private void showUsers(Context ctx, String error, String notice) {
        Map<String, Object> m = pages.model(ctx, "Users");
        m.put("users", store.users().list());
        m.put("patients", store.patients().list());
        m.put("error", error);
        m.put("notice", notice);
        pages.render(ctx, "users", m);
    }

    /** {@code POST /admin/users}: a therapist or administrator account. */
    void createUser(Context ctx) {
        access.requireAdmin(ctx);
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        UserRole role = "admin".equals(ctx.formParam("role")) ? UserRole.ADMIN : UserRole.THERAPIST;
        try {
            UserAccount.checkUsername(username);
            store.users().create(username, hasher.hash(password), role);
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            showUsers(ctx, "Account not created: " + e.getMessage() + ".", null);
            return;
        } catch (DuplicateRecordException e) {
            ctx.status(HttpStatus.CONFLICT);
            showUsers(ctx, "Account not created: the user name " + username + " is taken.", null);
            return;
        }
        audit.record(ctx, "create-user", username, role.name());
        showUsers(ctx, null, "Account " + username + " created.");
    }

    /** {@code POST /admin/access}: lets a user see a patient. */
    void grantAccess(Context ctx) {
        access.requireAdmin(ctx);
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
        String pseudonym = Optional.ofNullable(ctx.formParam("pseudonym")).orElse("");
        Optional<UserAccount> u = store.users().find(username);
        Optional<Patient> p = store.patients().find(pseudonym);
        if (u.isEmpty() || p.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            showUsers(ctx, "No such user or patient.", null);
            return;
        }
        store.users().grantAccess(u.get().id(), p.get().id());
        audit.record(ctx, "grant-access", access.pid(p.get()), username);
        showUsers(ctx, null, username + " can now see patient " + pseudonym + ".");
    }

    /** {@code GET /admin/audit}. */
    void auditPage(Context ctx) {
        access.requireAdmin(ctx);
        Map<String, Object> m = pages.model(ctx, "Audit log");
        m.put("events", store.audit().recent(500));
        pages.render(ctx, "audit", m);
    }
}
