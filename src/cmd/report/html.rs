//! The readiness report as one self-contained HTML page (maud): its styles inline, its
//! charts inline SVG (`svg`), no script and nothing fetched from the network, and a
//! print style sheet that lays it out on A4.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::svg;
use crate::goal::report::Report;

/// The page's styles: screen, then print on A4.
const STYLE: &str = r#"
:root { --ink: #1d2430; --muted: #5d6778; --line: #d5dae3; --accent: #2f6fd6; --warn: #c2410c; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
  max-width: 920px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 0 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
p.lead { color: var(--muted); margin: 0 0 1rem; }
section { margin: 1.5rem 0; }
.summary { display: flex; gap: 1rem; flex-wrap: wrap; }
.summary div { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; min-width: 10rem; }
.summary b { display: block; font-size: 1.4rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--line); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.chart { width: 100%; height: auto; display: block; }
.chart text { font-size: 11px; fill: var(--muted); }
.grid { stroke: var(--line); stroke-width: 1; }
.target { stroke: var(--warn); stroke-width: 1.5; stroke-dasharray: 6 4; }
.today { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 2 3; }
.series { fill: none; stroke-width: 2; }
.overall { stroke: var(--ink); stroke-width: 2.5; }
.forecast { stroke: var(--accent); stroke-dasharray: 5 4; stroke-width: 2.5; }
.tier-0 { stroke: #16a34a; } .tier-1 { stroke: #ca8a04; } .tier-2 { stroke: #9333ea; } .tier-3 { stroke: #0891b2; }
.legend span { margin-right: 1rem; white-space: nowrap; }
.legend i { display: inline-block; width: 1.4rem; height: 0; border-top: 3px solid; vertical-align: middle; margin-right: .3rem; }
.day.l0 { fill: #eef0f4; } .day.l1 { fill: #c6dbf7; } .day.l2 { fill: #8fb6ee; } .day.l3 { fill: #4c86dc; } .day.l4 { fill: #1f4fa8; }
.bar { fill: var(--accent); } .bar.below { fill: var(--warn); }
.verdict { border-left: 4px solid var(--accent); padding: .3rem .8rem; background: #f5f8fd; }
.empty { color: var(--muted); font-style: italic; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; max-width: none; margin: 0; padding: 0; }
  section { break-inside: avoid; page-break-inside: avoid; margin: 0 0 8mm; }
  .summary div { border-color: #999; }
  a { color: inherit; text-decoration: none; }
}
"#;

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// The page's heading: when it was made, and the goal it measures against.
fn header(report: &Report) -> Markup {
    let goal = report.goal.as_ref();
    html! {
        header {
            h1 { "Readiness report" }
            p.lead {
                "Made by recall on " (report.today) ". "
                @match goal {
                    Some(goal) => {
                        "Interview on " strong { (goal.date) } ", "
                        (goal.readiness.questions) " questions; a question is ready when its predicted recall on the day is at least "
                        (percent(report.target)) "."
                    }
                    None => {
                        "No interview date is set (recall goal set DATE); readiness is measured now, at "
                        (percent(report.target)) " predicted recall."
                    }
                }
            }
        }
    }
}

/// Readiness on the day, and the plan's figures and verdict.
fn summary(goal: &crate::goal::Status, plan: Option<&str>) -> Markup {
    html! {
        section #summary {
            div.summary {
                div { "Ready on the day if you stopped now" b #ready-share { (percent(goal.readiness.share)) } (goal.readiness.ready) " of " (goal.readiness.questions) }
                @if let Some(plan) = &goal.plan {
                    div { "Following the plan" b #forecast-share { (percent(plan.forecast_share)) } "ready on the day" }
                    div { "New a day" b { (plan.new_per_day) } (plan.unseen) " unseen" }
                    div { "Reviews a day" b { (format!("{:.0}", plan.mean_reviews)) } "at most " (plan.peak_reviews) }
                }
            }
            @if let Some(plan) = plan {
                p.verdict { (plan) }
            }
        }
    }
}

/// Readiness per tier over time, the forecast, and the table of readiness on the date.
fn readiness(report: &Report) -> Markup {
    let goal = report.goal.as_ref();
    html! {
        section #readiness {
            h2 { "Readiness per tier over time" @if !report.forecast.is_empty() { ", and the forecast to the date" } }
            (svg::readiness(&report.history, &report.forecast, &report.tiers, report.target))
            p.legend {
                span { i style="border-color:#1d2430" {} "all questions" }
                @for (n, tier) in report.tiers.iter().enumerate() {
                    span { i class=(format!("tier-{n}")) style=(format!("border-color:{}", ["#16a34a", "#ca8a04", "#9333ea", "#0891b2"][n % 4])) {} (tier) }
                }
                @if !report.forecast.is_empty() { span { i style="border-color:#2f6fd6;border-top-style:dashed" {} "forecast, following the plan" } }
                span { i style="border-color:#c2410c;border-top-style:dashed" {} "target" }
            }
            p.lead {
                "Each day: the share of questions whose predicted recall that day is at least "
                (percent(report.target)) ", replayed from your answers"
                @if !report.forecast.is_empty() { "; dashed, the forecast if the plan is followed, up to the date" }
                ". The table gives readiness on the date if you stopped now."
            }
            @if let Some(goal) = goal {
                table #tiers {
                    thead { tr { th { "Tier" } th.n { "Questions" } th.n { "Ready on the day" } } }
                    tbody {
                        @for tier in &goal.readiness.tiers {
                            tr data-tier=(tier.name) data-share=(format!("{:.3}", tier.share)) {
                                td { (tier.name) } td.n { (tier.questions) } td.n { (percent(tier.share)) " (" (tier.ready) ")" }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The concepts missed most, from the rubric breakdowns.
fn concepts(report: &Report) -> Markup {
    html! {
        section #concepts {
            h2 { "Concepts missed most" }
            @if report.concepts.is_empty() {
                p.empty { "No written answers graded yet." }
            } @else {
                table {
                    thead { tr { th { "Concept" } th { "Question" } th.n { "Missed" } } }
                    tbody {
                        @for concept in &report.concepts {
                            tr data-concept=(concept.concept) data-missed=(concept.missed) {
                                td { (concept.concept) } td { (concept.question) }
                                td.n {
                                    (concept.missed) " of " (concept.answers)
                                    @if concept.turned > 0 {
                                        " (" (concept.turned) " the other way round)"
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The questions to revisit, weakest first.
fn revisit(report: &Report) -> Markup {
    html! {
        section #revisit {
            h2 { "Questions to revisit" }
            @if report.revisit.is_empty() {
                p.empty { "Every question is ready." }
            } @else {
                table {
                    thead { tr { th { "Question" } th { "Tier" } th.n { "Predicted recall" } } }
                    tbody {
                        @for question in &report.revisit {
                            tr data-question=(question.question) {
                                td { (question.question) }
                                td { (question.tier.unwrap_or("")) }
                                td.n { @if question.studied { (percent(question.recall)) } @else { "never studied" } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The page for `report`; `plan` is the plan in words (as `recall goal` says it).
pub fn page(report: &Report, plan: Option<&str>) -> Markup {
    let goal = report.goal.as_ref();
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "recall: readiness report" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                (header(report))
                @if let Some(goal) = goal { (summary(goal, plan)) }
                (readiness(report))
                section #reviews {
                    h2 { "Reviews over the last year" }
                    (svg::heatmap(&report.heatmap))
                }
                section #retention {
                    h2 { "Retention against the target" }
                    (svg::retention(&report.retention, report.target))
                    p.lead { "Share of reviews of learnt questions recalled, week by week; bars below the target are in orange." }
                }
                (concepts(report))
                (revisit(report))
            }
        }
    }
}
