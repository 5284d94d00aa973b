using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core;
using CrmKit.Core.Templates;
using CrmKit.Core.Templates.Helpers;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using CrmKit.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scriban;
using Scriban.Functions;
using Scriban.Runtime;

namespace CrmKit.Benchmarks.Templates;

/// <summary>
/// Rendering a cached 1 KB document template through <see cref="ITemplateRenderer"/> (sandbox, catalog lookup, model
/// copy, time limit) against Scriban directly (the template parsed once, a context per render over the same model
/// and helpers), interleaved rounds in one process. Target: at most 1.2x.
/// </summary>
internal sealed class TemplateRenderBenchmark(BenchmarkSettings settings, BenchmarkReport report)
{
    public const string Name = "templates";
    private const double TargetRatio = 1.2;
    private const int RoundCount = 9;

    public async Task RunAsync()
    {
        var renders = settings.Quick ? 2_000 : 20_000;
        Console.WriteLine();
        Console.WriteLine($"== templates: cached 1 KB document, {renders} renders per round, {RoundCount} interleaved rounds ==");
        var folder = Directory.CreateTempSubdirectory("crmkit-bench-templates-").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCrmKit().UseSqlite($"Data Source={Path.Combine(folder, "crm.db")};Pooling=False");
        await using var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var principal = new CrmPrincipal("bench", "Bench", ["administrator"], CrmChannel.System);
        await provider.GetRequiredService<ITemplateService>().SaveAsync(principal, new TemplateSaveRequest
        {
            Name = "bench.offer", Locale = "ru-RU", Kind = TemplateKinds.Document, Source = BenchTemplate.Source,
        });
        var model = BenchTemplate.Model(principal);
        var renderer = provider.GetRequiredService<ITemplateRenderer>();

        // The direct contender: Scriban with the same helpers, the template parsed once, the model copied per render.
        var direct = Template.Parse(BenchTemplate.Source);
        var builtins = new BuiltinFunctions();
        builtins.Import(typeof(TemplateFunctions));
        var ru = CultureInfo.GetCultureInfo("ru-RU");
        string RenderDirect()
        {
            var context = new TemplateContext(builtins);
            context.PushCulture(ru);
            context.PushGlobal(BenchTemplate.Globals(model));
            return direct.Render(context);
        }

        var ours = await renderer.RenderAsync("bench.offer", model, CancellationToken.None);
        var theirs = RenderDirect();
        if (ours != theirs)
        {
            report.SanityFailure("templates: the two renders differ");
        }

        report.Note(Name, $"Template: {BenchTemplate.Source.Length} characters of source, {ours.Length} characters of output; helpers money, amount_in_words, date_format, plural; a loop over 5 lines.");
        var crm = new Samples();
        var scriban = new Samples();
        for (var round = -1; round < RoundCount; round++)
        {
            var a = await TimeAsync(renders, () => renderer.RenderAsync("bench.offer", model, CancellationToken.None));
            var b = await TimeAsync(renders, () => Task.FromResult(RenderDirect()));
            if (round >= 0)
            {
                crm.Add(a);
                scriban.Add(b);
                Console.WriteLine($"  round {round + 1}: CrmKit {BenchmarkReport.Duration(a),10}   Scriban {BenchmarkReport.Duration(b),10}");
            }
        }

        var label = $"{Name}: render a cached 1 KB document";
        report.Add(new ResultRow(label, "Scriban directly (baseline)", scriban, renders, "render", null));
        report.Add(new ResultRow(label, "CrmKit ITemplateRenderer (sandboxed)", crm, renders, "render", scriban));
        var ratio = crm.Median / scriban.Median;
        report.Add(new TargetRow(
            $"templates: cached 1 KB document via ITemplateRenderer vs Scriban directly: ≤ {TargetRatio:0.0}x (median)",
            string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}x ({crm.Median.TotalMicroseconds / renders:0.0} µs vs {scriban.Median.TotalMicroseconds / renders:0.0} µs per render); best rounds {crm.Best / scriban.Best:0.00}x"),
            ratio <= TargetRatio));
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp folders.
        }
    }

    private static async Task<TimeSpan> TimeAsync(int count, Func<Task<string>> render)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            _ = await render();
        }

        return watch.Elapsed;
    }
}
