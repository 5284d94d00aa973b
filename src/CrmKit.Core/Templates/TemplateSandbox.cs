using System.Collections.Concurrent;
using System.Globalization;
using CrmKit.Core.Templates.Helpers;
using Microsoft.Extensions.Options;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;

namespace CrmKit.Core.Templates;

/// <summary>
/// Compiles and runs Scriban sources under the sandbox limits: shared read-only built-ins (Scriban's plus
/// <see cref="TemplateFunctions"/>), no member access on .NET objects, includes only through a
/// <see cref="StoredTemplateLoader"/>, and loop, recursion, output, nesting, regex and time limits.
/// </summary>
internal sealed partial class TemplateSandbox
{
    private readonly TemplateOptions _options;
    private readonly ScriptObject _builtins;
    private readonly ConcurrentDictionary<string, Template> _sources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Template> _expressions = new(StringComparer.Ordinal);

    public TemplateSandbox(IOptions<TemplateOptions> options)
    {
        _options = options.Value;
        _builtins = CreateBuiltins();
    }

    public TemplateOptions Options => _options;

    /// <summary>Parses a template source; throws <see cref="TemplateErrorCodes.Syntax"/> when it does not parse.</summary>
    public Template Parse(string name, string source) => Parse(name, source, expression: false);

    /// <summary>Parses a template source once and caches it by source.</summary>
    public Template GetTemplate(string source) => Cached(_sources, source, () => Parse("(text)", source, expression: false));

    /// <summary>Parses an expression once and caches it by source.</summary>
    public Template GetExpression(string expression) => Cached(_expressions, expression, () => Parse("(expression)", expression, expression: true));

    /// <summary>Renders a compiled template.</summary>
    public string Render(string name, Template template, TemplateModel model, ITemplateLoader? loader, CancellationToken ct) =>
        Run(name, template, model, loader, static (t, c) => t.Render(c), ct);

    /// <summary>Evaluates a compiled expression and returns its value.</summary>
    public object? Evaluate(Template expression, TemplateModel model, ITemplateLoader? loader, out TemplateContext context, CancellationToken ct)
    {
        TemplateContext? used = null;
        var value = Run("(expression)", expression, model, loader, (t, c) =>
        {
            used = c;
            return t.Evaluate(c);
        }, ct);
        context = used!;
        return value;
    }

    private T Run<T>(string name, Template template, TemplateModel model, ITemplateLoader? loader, Func<Template, TemplateContext, T> run, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.TimeLimit);
        var context = CreateContext(model, loader, timeout.Token);
        try
        {
            return run(template, context);
        }
        catch (Exception e) when (e is not Sdk.Errors.CrmException)
        {
            throw Translate(name, e, ct);
        }
    }

    private TemplateContext CreateContext(TemplateModel model, ITemplateLoader? loader, CancellationToken token)
    {
        var context = new TemplateContext(_builtins)
        {
            LoopLimit = _options.LoopLimit,
            LoopLimitQueryable = _options.LoopLimit,
            RecursiveLimit = _options.RecursiveLimit,
            LimitToString = _options.OutputLimit,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = _options.OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = _options.RegexTimeout,
            CancellationToken = token,
            TemplateLoader = loader,
            TemplateLoaderParserOptions = ParserOptionsFor(),

            // No member of a .NET object is visible: the model holds only Scriban objects and plain values.
            MemberFilter = static _ => false,
        };
        context.PushCulture(Culture(model.Culture));
        context.PushGlobal(TemplateScriptModel.Create(model));
        return context;
    }

    private ParserOptions ParserOptionsFor() => new() { ExpressionDepthLimit = _options.NestingLimit };

    private Template Parse(string name, string source, bool expression)
    {
        var lexer = expression ? new LexerOptions { Mode = ScriptMode.ScriptOnly } : LexerOptions.Default;
        Template template;
        try
        {
            template = Template.Parse(source, name, ParserOptionsFor(), lexer);
        }
        catch (InsufficientExecutionStackException e)
        {
            throw TemplateMessages.LimitExceeded(name, "nesting", e.Message, e);
        }

        if (template.HasErrors)
        {
            var messages = template.Messages
                .Where(m => m.Type == ParserMessageType.Error)
                .Select(m => (m.Message, m.Span.Start.Line + 1, m.Span.Start.Column + 1))
                .ToList();
            if (messages.Any(m => m.Message.Contains("depth limit", StringComparison.Ordinal)))
            {
                throw TemplateMessages.LimitExceeded(name, "nesting", messages[0].Message, new InvalidOperationException(messages[0].Message));
            }

            throw TemplateMessages.Syntax(name, messages);
        }

        return template;
    }

    private Template Cached(ConcurrentDictionary<string, Template> cache, string source, Func<Template> parse)
    {
        if (cache.TryGetValue(source, out var template))
        {
            return template;
        }

        template = parse();
        if (cache.Count >= _options.CacheSize)
        {
            // A crude bound: sources are few in practice, so starting over is cheaper than tracking use.
            cache.Clear();
        }

        cache[source] = template;
        return template;
    }

    private static CultureInfo Culture(string? name)
    {
        try
        {
            return string.IsNullOrEmpty(name) ? CultureInfo.GetCultureInfo("ru-RU") : CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("ru-RU");
        }
    }

    private static BuiltinFunctions CreateBuiltins()
    {
        var builtins = new BuiltinFunctions();
        builtins.Import(typeof(TemplateFunctions));

        // Shared by every render, so nothing may change it (date.format = ... would leak into other renders).
        foreach (var (_, value) in builtins)
        {
            if (value is ScriptObject nested)
            {
                nested.IsReadOnly = true;
            }
        }

        builtins.IsReadOnly = true;
        return builtins;
    }
}
