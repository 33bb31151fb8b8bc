/*
 * natrisk.h - the whole public interface of libnatrisk in one include.
 *
 * Installed beside the directory natrisk/ that holds the headers it
 * includes, so that with pkg-config's flags (-I${includedir}) both
 * "#include <natrisk.h>" and "#include <natrisk/results.h>" work.
 * docs/library.md says how to link and who frees what.
 */
#ifndef NATRISK_H
#define NATRISK_H

#include "natrisk/common.h"
#include "natrisk/diag.h"
#include "natrisk/membuf.h"
#include "natrisk/method.h"
#include "natrisk/score.h"
#include "natrisk/assessment.h"
#include "natrisk/results.h"
#include "natrisk/effect.h"
#include "natrisk/plan.h"
#include "natrisk/capabilities.h"
#include "natrisk/capabilities_output.h"
#include "natrisk/output.h"
#include "natrisk/ordinal.h"
#include "natrisk/residual.h"
#include "natrisk/robustness_output.h"
#include "natrisk/smaa.h"
#include "natrisk/smaa_csv.h"
#include "natrisk/smaa_output.h"
#include "natrisk/diagram.h"
#include "natrisk/smaa_chart.h"
#include "natrisk/report.h"
#include "natrisk/store.h"
#include "natrisk/edition.h"
#include "natrisk/scoring.h"
#include "natrisk/portfolio.h"
#include "natrisk/plan_portfolio.h"
#include "natrisk/portfolio_output.h"
#include "natrisk/portfolio_chart.h"
#include "natrisk/portfolio_run.h"
#include "natrisk/plan_store.h"
#include "natrisk/progress.h"
#include "natrisk/progress_output.h"
#include "natrisk/progress_letter.h"
#include "natrisk/plan_import.h"
#include "natrisk/register_store.h"
#include "natrisk/monitor.h"
#include "natrisk/monitor_run.h"
#include "natrisk/cap.h"
#include "natrisk/signals.h"
#include "natrisk/alert_store.h"

#endif
