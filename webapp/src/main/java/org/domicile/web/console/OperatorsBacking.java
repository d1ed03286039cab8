package org.domicile.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.domicile.messaging.application.SmsDispatch;
import org.domicile.messaging.domain.SmsRecord;
import org.domicile.operators.application.OperatorRegistry;
import org.domicile.operators.domain.ProcessingOperator;

/** The processing operators of the chain, and what became of the latest text messages. Read only. */
@Named
@RequestScoped
public class OperatorsBacking {

    @EJB
    OperatorRegistry registry;

    @EJB
    SmsDispatch sms;

    private List<ProcessingOperator> operators;
    private List<SmsRecord> messages;

    @PostConstruct
    void load() {
        operators = registry.all();
        messages = sms.latest(50);
    }

    public List<ProcessingOperator> getOperators() {
        return operators;
    }

    public List<SmsRecord> getMessages() {
        return messages;
    }
}
