package nl.kindplan.hub.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The Dutch login page in the dashboard's own look, instead of Spring Security's default English
 * form (SecurityConfig: {@code loginPage("/login")}); Spring Security still checks the POST. It
 * echoes nothing the visitor typed, and carries the CSRF token as the form field {@code _csrf}.
 */
@RestController
@ConditionalOnWebApplication
public class LoginPage {

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    public String page(CsrfToken csrf, @RequestParam(name = "error", required = false) String error,
                       @RequestParam(name = "logout", required = false) String logout) {
        String melding = error != null
                ? "<p class=\"melding fout\" role=\"alert\">Naam of wachtwoord klopt niet. Probeer het opnieuw.</p>"
                : logout != null ? "<p class=\"melding\" role=\"status\">U bent afgemeld.</p>" : "";
        return PAGE.replace("{{melding}}", melding).replace("{{csrf}}", HtmlUtils.htmlEscape(csrf.getToken()));
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="nl">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Aanmelden — Kindplan-hub</title>
              <link rel="icon" type="image/svg+xml" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%232f6f8f'/%3E%3Ctext x='16' y='23' font-family='sans-serif' font-size='19' font-weight='bold' fill='white' text-anchor='middle'%3EK%3C/text%3E%3C/svg%3E">
              <style>
                body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
                       color: #22292f; background: #f5f6f4; }
                header { background: #fff; border-bottom: 1px solid #dde1e4; padding: 14px 24px; }
                h1 { font-size: 20px; margin: 0; }
                .ondertitel { color: #66707a; font-size: 12px; }
                main { display: flex; justify-content: center; padding: 56px 16px; }
                form { background: #fff; border: 1px solid #dde1e4; border-radius: 8px; padding: 24px 28px;
                       width: 100%; max-width: 340px; display: flex; flex-direction: column; gap: 12px; }
                h2 { font-size: 16px; margin: 0 0 4px; }
                label { display: flex; flex-direction: column; gap: 4px; color: #66707a; font-size: 12px; }
                input { font: inherit; padding: 7px 10px; border: 1px solid #dde1e4; border-radius: 6px; color: #22292f; }
                input:focus { outline: 2px solid #2f6f8f; outline-offset: 0; }
                button { font: inherit; font-weight: 600; padding: 8px 14px; border-radius: 6px; border: 1px solid #2f6f8f;
                         background: #2f6f8f; color: #fff; cursor: pointer; }
                button:hover { background: #245870; }
                .melding { margin: 0; padding: 8px 12px; border-radius: 6px; background: #eef5ef; border: 1px solid #cfe3d4; }
                .melding.fout { background: #f9ecea; border-color: #ebcbc4; }
                .stil { color: #66707a; font-size: 12px; margin: 0; }
              </style>
            </head>
            <body>
            <header>
              <h1>Kindplan-hub</h1>
              <span class="ondertitel">Beheer van de nachtelijke koppeling onderwijs – jeugdhulp</span>
            </header>
            <main>
              <form method="post" action="/login" autocomplete="on">
                <h2>Aanmelden</h2>
                {{melding}}
                <label>Gebruikersnaam <input name="username" id="username" autocomplete="username" required autofocus></label>
                <label>Wachtwoord <input name="password" id="password" type="password" autocomplete="current-password" required></label>
                <input name="_csrf" type="hidden" value="{{csrf}}">
                <button type="submit">Aanmelden</button>
                <p class="stil">Wachtwoord vergeten? Vraag de beheerder van de hub om een nieuw (README: A forgotten password).</p>
              </form>
            </main>
            </body>
            </html>
            """;
}
