package io.coralbank.dialect.admin;

import io.coralbank.testsupport.ProbeEndpoints;
import org.springframework.web.bind.annotation.RestController;

/** The framework probe, mounted under the admin dialect's base path. Exists only in tests. */
@RestController
class AdminProbeController extends ProbeEndpoints {}
