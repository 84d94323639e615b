using LogSentinel.Report.Daily;
using LogSentinel.Report.Text;
using ScottPlot;

namespace LogSentinel.Report.Rendering;

/// <summary>The report's charts as PNG images, drawn at twice their printed size so they stay sharp on paper.</summary>
internal static class ReportCharts
{
    public static readonly string[] SeverityOrder = ["critical", "high", "medium", "low"];

    private static readonly object Gate = new();

    public static Color SeverityColor(string severity) => severity switch
    {
        "critical" => Color.FromHex("#8e1b1b"),
        "high" => Color.FromHex("#d9480f"),
        "medium" => Color.FromHex("#f2a900"),
        _ => Color.FromHex("#8fa3b8"),
    };

    /// <summary>Horizontal bars, one per alert type, split by severity.</summary>
    public static byte[] AlertsByTypeAndSeverity(IReadOnlyList<(string Label, IReadOnlyDictionary<string, int> BySeverity)> rows, ReportText text)
    {
        lock (Gate)
        {
            _ = ChartFonts.FontFile;
            var plot = NewPlot();
            var bars = new List<Bar>();
            for (var i = 0; i < rows.Count; i++)
            {
                var position = rows.Count - 1 - i;
                double start = 0;
                foreach (var severity in SeverityOrder)
                {
                    var count = rows[i].BySeverity.GetValueOrDefault(severity);
                    if (count == 0)
                    {
                        continue;
                    }

                    bars.Add(new Bar { Position = position, ValueBase = start, Value = start + count, FillColor = SeverityColor(severity), LineWidth = 0, Size = 0.7 });
                    start += count;
                }
            }

            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i))], [.. rows.Select(r => r.Label)]);
            plot.Axes.Left.MajorTickStyle.Length = 0;
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.Axes.Margins(left: 0, right: 0.1, bottom: 0.05, top: 0.05);
            foreach (var severity in SeverityOrder)
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = text.Severity(severity), FillColor = SeverityColor(severity) });
            }

            plot.ShowLegend(Edge.Right);
            plot.Grid.YAxisStyle.IsVisible = false;
            return plot.GetImageBytes(1400, Math.Max(260, 110 + (rows.Count * 70)), ImageFormat.Png);
        }
    }

    /// <summary>Lookups per day over the last 31 days (the report's day highlighted) with alerts per day on a second axis.</summary>
    public static byte[] Trend(IReadOnlyList<TrendDay> days, ReportText text)
    {
        lock (Gate)
        {
            _ = ChartFonts.FontFile;
            var plot = NewPlot();
            var bars = new List<Bar>();
            for (var i = 0; i < days.Count; i++)
            {
                var isReportDay = i == days.Count - 1;
                bars.Add(new Bar { Position = i, Value = days[i].Lookups, FillColor = isReportDay ? Color.FromHex("#1f4e79") : Color.FromHex("#9dbbd6"), LineWidth = 0, Size = 0.8 });
            }

            plot.Add.Bars(bars);
            double[] positions = [.. Enumerable.Range(0, days.Count).Select(i => (double)i)];
            double[] counts = [.. days.Select(d => (double)d.Alerts)];
            var alerts = plot.Add.Scatter(positions, counts);
            alerts.Axes.YAxis = plot.Axes.Right;
            alerts.Color = Color.FromHex("#d9480f");
            alerts.LineWidth = 3;
            alerts.MarkerSize = 7;
            alerts.LegendText = text["chart_alerts"];
            plot.Axes.Right.Label.Text = text["chart_alerts"];
            plot.Axes.Right.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.Axes.Left.Label.Text = text["chart_lookups"];
            var tickPositions = new List<double>();
            var tickLabels = new List<string>();
            for (var i = days.Count - 1; i >= 0; i -= 5)
            {
                tickPositions.Add(i);
                tickLabels.Add(days[i].Date.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture));
            }

            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. tickPositions], [.. tickLabels]);
            plot.Axes.Margins(bottom: 0);
            plot.Axes.SetLimitsY(0, Math.Max(1, days.Max(d => (double)d.Alerts)) * 1.2, plot.Axes.Right);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = text["chart_lookups"], FillColor = Color.FromHex("#9dbbd6") });
            plot.ShowLegend(Alignment.UpperLeft);
            return plot.GetImageBytes(1400, 480, ImageFormat.Png);
        }
    }

    /// <summary>Lookups per local clock hour of the day.</summary>
    public static byte[] Hourly(IReadOnlyList<ulong> lookupsPerHour, ReportText text)
    {
        lock (Gate)
        {
            _ = ChartFonts.FontFile;
            var plot = NewPlot();
            var bars = new List<Bar>();
            for (var hour = 0; hour < lookupsPerHour.Count; hour++)
            {
                bars.Add(new Bar { Position = hour, Value = lookupsPerHour[hour], FillColor = Color.FromHex("#1f4e79"), LineWidth = 0, Size = 0.8 });
            }

            plot.Add.Bars(bars);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. Enumerable.Range(0, 8).Select(i => i * 3.0)], [.. Enumerable.Range(0, 8).Select(i => $"{i * 3:00}h")]);
            plot.Axes.Bottom.Label.Text = text["chart_hour"];
            plot.Axes.Margins(bottom: 0);
            return plot.GetImageBytes(1400, 300, ImageFormat.Png);
        }
    }

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.ScaleFactor = 2;
        plot.Axes.FrameWidth(0);
        plot.Grid.MajorLineColor = Color.FromHex("#e6e9ee");
        plot.Axes.Color(Color.FromHex("#333333"));
        return plot;
    }
}
