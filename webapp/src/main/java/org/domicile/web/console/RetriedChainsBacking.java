package org.domicile.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.domicile.chain.application.ChainRunner;
import org.domicile.chain.application.RetriedChain;

/** Chains held up by a step that failed for a passing reason, with why and when they are tried again. Read only. */
@Named
@RequestScoped
public class RetriedChainsBacking {

    @Inject
    ChainRunner chains;

    private List<RetriedChain> chainsRetried;

    @PostConstruct
    void load() {
        chainsRetried = chains.retried(50);
    }

    public List<RetriedChain> getRetried() {
        return chainsRetried;
    }
}
