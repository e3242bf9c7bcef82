//! The report's charts as inline SVG, drawn with maud like the page around them: a
//! line chart of readiness over time with the forecast, a calendar heatmap and a bar
//! chart of retention against the target. No crate fitted better: plotters' SVG backend
//! writes a whole document per chart with its own fonts and no room for the `data-*`
//! attributes and `<title>`s that make the figures checkable and readable to a screen
//! reader. Each mark carries its value in a `data-*` attribute, so a test reading the
//! page's DOM can check the charts against the database.

use chrono::Datelike;
use maud::{Markup, html};

use crate::goal::plan::PlanDay;
use crate::goal::report::{HistoryDay, WeekRetention};
use crate::stats::DayCount;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 36.0;

/// `values` as `0.250,0.500`, for `data-values`.
fn values(list: impl Iterator<Item = f64>) -> String {
    list.map(|v| format!("{v:.3}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// The vertical position of a share from 0 to 1.
fn y(share: f64) -> f64 {
    TOP + (1.0 - share.clamp(0.0, 1.0)) * (HEIGHT - TOP - BOTTOM)
}

/// The horizontal position of day `index` of `count`.
fn x(index: usize, count: usize) -> f64 {
    let span = WIDTH - LEFT - RIGHT;
    if count <= 1 {
        LEFT + span / 2.0
    } else {
        LEFT + span * index as f64 / (count - 1) as f64
    }
}

/// The points of a polyline.
fn points(list: impl Iterator<Item = (usize, f64)>, count: usize) -> String {
    list.map(|(i, v)| format!("{:.1},{:.1}", x(i, count), y(v)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Readiness per tier (and overall) day by day up to today, then the plan's forecast
/// to the date, against the target.
pub fn readiness(
    history: &[HistoryDay],
    forecast: &[PlanDay],
    tiers: &[&str],
    target: f64,
) -> Markup {
    let count = history.len() + forecast.len();
    let today = history.len().saturating_sub(1);
    // The forecast starts from today's point so the two lines join.
    let forecast_points = history
        .last()
        .map(|d| (today, d.overall))
        .into_iter()
        .chain(
            forecast
                .iter()
                .enumerate()
                .map(|(i, d)| (history.len() + i, d.ready_share)),
        );
    let first = history
        .first()
        .map(|d| d.date.to_string())
        .unwrap_or_default();
    let last = forecast.last().map(|d| d.date.to_string());
    html! {
        svg #readiness-chart .chart viewBox=(format!("0 0 {WIDTH} {HEIGHT}")) role="img"
            aria-label="Readiness per tier over time, and the forecast to the date"
            data-days=(history.len()) data-forecast-days=(forecast.len()) {
            @for step in 0..=4 {
                @let share = f64::from(step) / 4.0;
                line .grid x1=(LEFT) x2=(WIDTH - RIGHT) y1=(y(share)) y2=(y(share)) {}
                text .axis x=(LEFT - 6.0) y=(y(share) + 4.0) text-anchor="end" {
                    (format!("{:.0}%", share * 100.0))
                }
            }
            line .target data-target=(format!("{target:.3}")) x1=(LEFT) x2=(WIDTH - RIGHT)
                y1=(y(target)) y2=(y(target)) {
                title { (format!("Target: {:.0}% of questions ready", target * 100.0)) }
            }
            @if !forecast.is_empty() {
                line .today x1=(x(today, count)) x2=(x(today, count)) y1=(TOP)
                    y2=(HEIGHT - BOTTOM) {}
            }
            @for (n, tier) in tiers.iter().enumerate() {
                polyline class=(format!("series tier tier-{n}")) data-series=(tier)
                    data-values=(values(history.iter().map(|d| d.tiers.get(tier).copied().unwrap_or(0.0))))
                    points=(points(history.iter().enumerate().map(|(i, d)| (i, d.tiers.get(tier).copied().unwrap_or(0.0))), count)) {
                    title { (tier) }
                }
            }
            polyline .series.overall data-series="overall"
                data-values=(values(history.iter().map(|d| d.overall)))
                points=(points(history.iter().enumerate().map(|(i, d)| (i, d.overall)), count)) {
                title { "All the goal's questions" }
            }
            @if !forecast.is_empty() {
                polyline .series.forecast data-series="forecast"
                    data-values=(values(forecast.iter().map(|d| d.ready_share)))
                    points=(points(forecast_points, count)) {
                    title { "Forecast if the plan is followed" }
                }
            }
            @if today > 0 || last.is_none() {
                text .axis x=(LEFT) y=(HEIGHT - 12.0) { (first) }
            }
            @if let Some(last) = &last {
                text .axis x=(WIDTH - RIGHT) y=(HEIGHT - 12.0) text-anchor="end" { (last) }
                text .axis x=(x(today, count)) y=(HEIGHT - 12.0) text-anchor="middle" { "today" }
            }
        }
    }
}

/// A year of reviews as a calendar: a column per week, a row per weekday.
pub fn heatmap(days: &[DayCount]) -> Markup {
    const CELL: f64 = 12.0;
    let max = days.iter().map(|d| d.count).max().unwrap_or(0).max(1);
    let offset = days
        .first()
        .map_or(0, |d| d.date.weekday().num_days_from_monday() as usize);
    let weeks = (days.len() + offset).div_ceil(7);
    let width = 30.0 + weeks as f64 * CELL;
    let total: usize = days.iter().map(|d| d.count).sum();
    html! {
        svg #heatmap .chart viewBox=(format!("0 0 {width} {}", 7.0 * CELL + 4.0)) role="img"
            aria-label=(format!("Reviews per day over the last year: {total} in all"))
            data-total=(total) {
            @for (label, row) in [("Mon", 0), ("Wed", 2), ("Fri", 4)] {
                text .axis x="0" y=(f64::from(row) * CELL + 10.0) { (label) }
            }
            @for (i, day) in days.iter().enumerate() {
                @let at = i + offset;
                @let level = if day.count == 0 { 0 } else { 1 + (3 * day.count).div_ceil(max).min(3) };
                rect class=(format!("day l{level}")) x=(30.0 + (at / 7) as f64 * CELL)
                    y=((at % 7) as f64 * CELL) width=(CELL - 2.0) height=(CELL - 2.0)
                    data-date=(day.date.to_string()) data-count=(day.count) {
                    title { (format!("{}: {} review{}", day.date, day.count, if day.count == 1 { "" } else { "s" })) }
                }
            }
        }
    }
}

/// Retention week by week as bars, against the target.
pub fn retention(weeks: &[WeekRetention], target: f64) -> Markup {
    let count = weeks.len().max(1);
    let span = WIDTH - LEFT - RIGHT;
    let slot = span / count as f64;
    html! {
        svg #retention-chart .chart viewBox=(format!("0 0 {WIDTH} {HEIGHT}")) role="img"
            aria-label="Retention week by week against the target" {
            @for step in 0..=4 {
                @let share = f64::from(step) / 4.0;
                line .grid x1=(LEFT) x2=(WIDTH - RIGHT) y1=(y(share)) y2=(y(share)) {}
                text .axis x=(LEFT - 6.0) y=(y(share) + 4.0) text-anchor="end" {
                    (format!("{:.0}%", share * 100.0))
                }
            }
            @for (i, week) in weeks.iter().enumerate() {
                @let rate = week.rate.unwrap_or(0.0);
                rect .bar.below[week.rate.is_some_and(|r| r < target)] x=(LEFT + slot * i as f64 + slot * 0.15)
                    y=(y(rate)) width=(slot * 0.7) height=(y(0.0) - y(rate))
                    data-week=(week.start.to_string()) data-reviews=(week.reviews)
                    data-rate=(week.rate.map(|r| format!("{r:.3}")).unwrap_or_default()) {
                    title {
                        @match week.rate {
                            Some(rate) => (format!("Week of {}: {:.0}% of {} reviews recalled", week.start, rate * 100.0, week.reviews)),
                            None => (format!("Week of {}: no reviews", week.start)),
                        }
                    }
                }
                @if i % 2 == 0 {
                    text .axis x=(LEFT + slot * (i as f64 + 0.5)) y=(HEIGHT - 12.0) text-anchor="middle" {
                        (week.start.format("%m-%d").to_string())
                    }
                }
            }
            line .target data-target=(format!("{target:.3}")) x1=(LEFT) x2=(WIDTH - RIGHT)
                y1=(y(target)) y2=(y(target)) {
                title { (format!("Target retention: {:.0}%", target * 100.0)) }
            }
        }
    }
}
