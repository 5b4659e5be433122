package org.accord.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second factor: given at sign-in ({@code /signin/totp}), enrolled at sign-in by an administrator who
 * must have one ({@code /signin/totp/enrol}) or by anyone from their account page ({@code /account/totp}).
 */
@Controller
class SecondFactorController {

    /** Session attribute: the secret being enrolled, until a code from it is confirmed. */
    static final String PENDING_SECRET = SecondFactorController.class.getName() + ".secret";

    private final AccountSecurity security;
    private final SignInAttempts attempts;
    private final SignInSteps steps;
    private final Totp totp;
    private final Clock clock;

    SecondFactorController(
            AccountSecurity security,
            SignInAttempts attempts,
            SignInSteps steps,
            Totp totp,
            ObjectProvider<Clock> clock) {
        this.security = security;
        this.attempts = attempts;
        this.steps = steps;
        this.totp = totp;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @GetMapping("/signin/totp")
    String codeForm() {
        return "security/totp";
    }

    @PostMapping("/signin/totp")
    String code(
            @RequestParam(defaultValue = "") String code,
            @AuthenticationPrincipal SignedInAccount me,
            HttpServletRequest request,
            HttpServletResponse response) {
        Instant now = clock.instant();
        Optional<Instant> locked = attempts.lockedUntil(me.username(), now);
        if (locked.isPresent()) {
            steps.lockedOut(locked.get(), request);
            return "redirect:/signin?locked";
        }
        if (security.verifySecondFactor(me.accountId(), code)) {
            return "redirect:" + steps.advance(security.account(me.accountId()), request, response);
        }
        Optional<Instant> lockedNow = attempts.failed(me.username(), "wrong second factor", now);
        if (lockedNow.isPresent()) {
            steps.lockedOut(lockedNow.get(), request);
            return "redirect:/signin?locked";
        }
        return "redirect:/signin/totp?error";
    }

    @GetMapping("/signin/totp/enrol")
    String enrolAtSignIn(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
        return enrolPage(me, session, model, true, null);
    }

    @PostMapping("/signin/totp/enrol")
    Object confirmAtSignIn(
            @RequestParam(defaultValue = "") String code,
            @AuthenticationPrincipal SignedInAccount me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        HttpSession session = request.getSession();
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null || !totp.verify(secret, code)) {
            return badCode(me, session, model, true);
        }
        List<String> codes = security.enableTotp(me.accountId(), secret);
        session.removeAttribute(PENDING_SECRET);
        String next = steps.advance(security.account(me.accountId()), request, response);
        redirect.addFlashAttribute("recoveryCodes", codes);
        redirect.addFlashAttribute("next", next);
        return "redirect:/account/recovery-codes";
    }

    @GetMapping("/account/totp")
    String enrol(@AuthenticationPrincipal SignedInAccount me, HttpSession session, Model model) {
        if (security.account(me.accountId()).totpEnabled()) {
            return "redirect:/account";
        }
        return enrolPage(me, session, model, false, null);
    }

    @PostMapping("/account/totp")
    Object confirm(
            @RequestParam(defaultValue = "") String code,
            @AuthenticationPrincipal SignedInAccount me,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null || !totp.verify(secret, code)) {
            return badCode(me, session, model, false);
        }
        List<String> codes = security.enableTotp(me.accountId(), secret);
        session.removeAttribute(PENDING_SECRET);
        redirect.addFlashAttribute("recoveryCodes", codes);
        redirect.addFlashAttribute("next", "/account");
        return "redirect:/account/recovery-codes";
    }

    /** The recovery codes, shown once right after enrolment. */
    @GetMapping("/account/recovery-codes")
    String recoveryCodes(Model model) {
        if (!model.containsAttribute("recoveryCodes")) {
            model.addAttribute("recoveryCodes", List.of());
            model.addAttribute("next", "/account");
        }
        return "security/recovery-codes";
    }

    private ModelAndView badCode(SignedInAccount me, HttpSession session, Model model, boolean atSignIn) {
        ModelAndView page =
                new ModelAndView(enrolPage(me, session, model, atSignIn, "account.totp.error.code"), model.asMap());
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }

    private String enrolPage(
            SignedInAccount me, HttpSession session, Model model, boolean atSignIn, @Nullable String error) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = totp.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("qrCode", totp.qrCode(secret, me.username()));
        model.addAttribute("otpauth", totp.uri(secret, me.username()));
        model.addAttribute("action", atSignIn ? "/signin/totp/enrol" : "/account/totp");
        model.addAttribute("atSignIn", atSignIn);
        model.addAttribute("error", error);
        return "security/totp-enrol";
    }
}
