package io.coralbank.dialect.cayman;

import io.coralbank.testsupport.ProbeEndpoints;
import org.springframework.web.bind.annotation.RestController;

/** The framework probe, mounted under the cayman dialect's base path. Exists only in tests. */
@RestController
class CaymanProbeController extends ProbeEndpoints {}
