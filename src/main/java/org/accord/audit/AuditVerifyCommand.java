package org.accord.audit;

import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The verification command: {@code java -jar accord.jar --accord.audit.verify} verifies the chain, prints
 * the result and exits with status 0 when it is intact, 2 when it is broken. Without the option it does
 * nothing. {@link AuditVerifyCommandEnvironment} makes such a run start no web server and no scheduler.
 */
@Component
class AuditVerifyCommand implements ApplicationRunner {

    static final String OPTION = "accord.audit.verify";

    private final AuditTrail trail;
    private final ConfigurableApplicationContext context;

    AuditVerifyCommand(AuditTrail trail, ConfigurableApplicationContext context) {
        this.trail = trail;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        int status = verify(System.out);
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /** Verifies, prints the result to {@code out}, and returns the exit status. */
    int verify(PrintStream out) {
        AuditVerification result = trail.verify();
        out.println(result.summary());
        return result.intact() ? 0 : 2;
    }
}
