package io.coralbank.dialect.vaultspay;

import io.coralbank.testsupport.ProbeEndpoints;
import org.springframework.web.bind.annotation.RestController;

/** The framework probe, mounted under the vaultspay dialect's base path. Exists only in tests. */
@RestController
class VaultsPayProbeController extends ProbeEndpoints {}
