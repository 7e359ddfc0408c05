package org.baiti.online;

import org.baiti.privacy.AttemptOwnership;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The personal-data look-up's proof by resume code, answered by the attempts themselves. */
@Component
class AttemptOwnershipByResumeCode implements AttemptOwnership {

    private final Attempting attempting;

    AttemptOwnershipByResumeCode(@Lazy Attempting attempting) {
        this.attempting = attempting;
    }

    @Override
    public boolean provenByResumeCode(long contestId, String phone, String resumeCode) {
        return attempting.provenByResumeCode(contestId, phone, resumeCode);
    }
}
