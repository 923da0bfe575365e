# lme4_fit.R - fits the pair scores tools/fitbench wrote with lme4, for
# `make bench-severity` (tests/bench/bench.py); never part of `make check`.
#
#   Rscript lme4_fit.R DIR
#
# Reads DIR/pairs.csv (candidate,interviewer,z), fits docs/design.md rule 11's
# model z = f(candidate) + b(interviewer) + e by REML, candidates fixed and
# interviewers random (lmer(z ~ 0 + candidate + (1 | interviewer))), writes the
# conditional modes of b (the BLUP) to DIR/lme4.csv (interviewer,adjustment) and
# prints one line of JSON: {"seconds": the lmer call's elapsed time, "sigma2",
# "tau2"}. Needs R and lme4 (Debian r-cran-lme4).
suppressMessages(library(lme4))
dir <- commandArgs(trailingOnly = TRUE)[1]
d <- read.csv(file.path(dir, "pairs.csv"))
d$candidate <- factor(d$candidate)
d$interviewer <- factor(d$interviewer)
# Tighter than lmer's defaults, so that the comparison is of the optimum and
# not of the optimiser's stopping rule.
ctrl <- lmerControl(calc.derivs = FALSE,
                    optCtrl = list(ftol_abs = 1e-14, xtol_abs = 1e-12, maxeval = 10000))
seconds <- system.time(m <- lmer(z ~ 0 + candidate + (1 | interviewer), data = d,
                                 REML = TRUE, control = ctrl))[["elapsed"]]
vc <- as.data.frame(VarCorr(m))
tau2 <- vc$vcov[vc$grp == "interviewer"]
sigma2 <- vc$vcov[vc$grp == "Residual"]
re <- ranef(m)$interviewer
write.csv(data.frame(interviewer = rownames(re), adjustment = sprintf("%.17g", re[, 1])),
          file.path(dir, "lme4.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf('{"seconds": %.6f, "sigma2": %.17g, "tau2": %.17g}\n', seconds, sigma2, tau2))
