package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest.AuthMethod;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.proposal.Phase1Proposals;
import dev.roadwarrior.engine.ike.task.QuickModeTask;
import dev.roadwarrior.engine.ike.task.XauthTask;

/** Why an {@link IkeSaSession} failed, in the user's terms: from a gateway's error notify, or from a wait that ran out. */
final class SessionFailures {

    static final System.Logger LOG = System.getLogger(IkeSaSession.class.getName());

    private SessionFailures() {
    }

    /**
     * The failure a gateway's error notify during the setup stands for; a refused proposal names
     * what was offered ({@code quickMode}'s offer, or phase 1's when no Quick Mode is under way).
     */
    static ConnectException fromNotify(NotifyType type, IkeSa sa, QuickModeTask quickMode) {
        AuthMethod method = sa.request().phase1().auth();
        ConnectException e = Informational.failure(type, method.usesPreSharedKey() || method == AuthMethod.HYBRID_GRP_XAUTH);
        if (e.reason() != FailureReason.NO_PROPOSAL_CHOSEN) {
            return e;
        }
        return new ConnectException(e.reason(), e.detail() + "; " + (quickMode != null ? quickMode.offered()
                : Phase1Proposals.describe(sa.request().phase1(), sa.crypto())));
    }

    /** Why waiting for the gateway or the user took too long ({@code xauth}: null without XAuth). */
    static ConnectException overdue(XauthTask xauth) {
        if (xauth != null && xauth.prompt().isPresent()) {
            return new ConnectException(FailureReason.CREDENTIALS_MISSING, "no answer to the gateway's question within "
                    + EngineEvent.CredentialsRequired.TIMEOUT_SECONDS + " s");
        }
        if (xauth != null && !xauth.started()) {
            return new ConnectException(FailureReason.XAUTH_NOT_STARTED, "no XAuth request within "
                    + SaSetup.XAUTH_START_MILLIS / 1000 + " s of phase 1");
        }
        if (xauth != null && xauth.outcome() == XauthTask.Outcome.PENDING) {
            return new ConnectException(FailureReason.PROTOCOL_ERROR, "the gateway did not finish user authentication (XAuth)");
        }
        return new ConnectException(FailureReason.PROTOCOL_ERROR, "the gateway did not send its configuration");
    }
}
