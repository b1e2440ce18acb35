package dev.roadwarrior.ui.connection;

import dev.roadwarrior.daemon.EngineLocator;
import dev.roadwarrior.ipc.ServiceException;

/**
 * Where the app's engine comes from: the service when it runs, else (as root) one in-process
 * ({@link EngineLocator#locate}); tests hand a fake.
 *
 * <p>Threading: called on a background thread; it may block for a round trip to the service.
 */
@FunctionalInterface
public interface EngineSource {

    /**
     * @throws ServiceException when no engine can be had (e.g. the service does not run and this
     *     user is not root); its reason is shown in words
     */
    EngineLocator.Located locate() throws ServiceException;
}
