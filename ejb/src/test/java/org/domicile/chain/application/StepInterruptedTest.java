package org.domicile.chain.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLTransientConnectionException;
import org.domicile.operators.domain.ProcessingStep;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the operator console says about a chain step that broke off. */
class StepInterruptedTest {

    @Test
    @DisplayName("A step's failure names the step and the innermost cause, through the container's wrapping")
    void namesTheStepAndTheCause() {
        var cause = new IllegalStateException("wrapped", new SQLTransientConnectionException("connection refused"));
        var failure = new EJBException(new StepInterrupted(ProcessingStep.SEAL, cause));
        assertEquals("SEAL step: SQLTransientConnectionException: connection refused",
                StepInterrupted.describe(failure));
    }

    @Test
    @DisplayName("A failure outside a step (the commit) names the cause alone; a cause without a message, its type")
    void withoutAStep() {
        assertEquals("OptimisticLockException",
                StepInterrupted.describe(new EJBException(new OptimisticLockException((String) null))));
        assertEquals("IllegalStateException: lost", StepInterrupted.describe(new IllegalStateException("lost")));
    }
}
