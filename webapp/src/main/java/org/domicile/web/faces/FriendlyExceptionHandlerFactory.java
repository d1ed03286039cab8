package org.domicile.web.faces;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs {@link FriendlyExceptionHandler} (declared in faces-config.xml). */
public class FriendlyExceptionHandlerFactory extends ExceptionHandlerFactory {

    public FriendlyExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new FriendlyExceptionHandler(getWrapped().getExceptionHandler());
    }
}
