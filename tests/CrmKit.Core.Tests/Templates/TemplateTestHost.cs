using CrmKit.Core.Templates;
using CrmKit.Core.Tests.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmKit.Core.Tests.Templates;

/// <summary>A real host over SQLite with helpers for templates.</summary>
internal static class TemplateTestHost
{
    public static Task<CrmTestHost> StartAsync(Action<TemplateOptions>? configure = null) =>
        CrmTestHost.StartAsync(b =>
        {
            // Hosted services of other areas log; a test host without logging gets silent loggers.
            b.Services.TryAddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
            b.Services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
            if (configure is not null)
            {
                b.Services.Configure(configure);
            }
        });

    public static ITemplateService Templates(this CrmTestHost host) => host.Services.GetRequiredService<ITemplateService>();

    public static ITemplateRenderer Renderer(this CrmTestHost host) => host.Services.GetRequiredService<ITemplateRenderer>();

    public static IScriptEvaluator Evaluator(this CrmTestHost host) => host.Services.GetRequiredService<IScriptEvaluator>();

    public static Task<TemplateDefinition> SaveAsync(
        this CrmTestHost host, string name, string source, string locale = "ru-RU", string kind = TemplateKinds.Document, long? version = null) =>
        host.Templates().SaveAsync(CrmTestHost.User, new TemplateSaveRequest
        {
            Name = name,
            Locale = locale,
            Kind = kind,
            Source = source,
            ExpectedVersion = version,
        });
}
