package org.gaitlens.web;

import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Server-side HTML from Thymeleaf templates in {@code org/gaitlens/web/templates}. Templates write values only
 * with {@code th:text} / attribute expressions, which Thymeleaf escapes, so text from users (patient ids, notes,
 * labels, file names, error messages) can never become markup.
 */
final class Views {
    private final TemplateEngine engine = new TemplateEngine();

    Views() {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver(Views.class.getClassLoader());
        r.setPrefix("org/gaitlens/web/templates/");
        r.setSuffix(".html");
        r.setTemplateMode(TemplateMode.HTML);
        r.setCharacterEncoding("UTF-8");
        r.setCacheable(true);
        engine.setTemplateResolver(r);
    }

    String render(String template, Map<String, Object> model) {
        Context ctx = new Context(Locale.ROOT);
        ctx.setVariables(model);
        return engine.process(template, ctx);
    }
}
