package io.coralbank.dialect.bcb;

import io.coralbank.testsupport.ProbeEndpoints;
import org.springframework.web.bind.annotation.RestController;

/** The framework probe, mounted under the bcb dialect's base path. Exists only in tests. */
@RestController
class BcbProbeController extends ProbeEndpoints {}
