using System.Text.Json.Nodes;
using CrmKit.Core.Templates;
using CrmKit.Core.Tests.Services;
using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Tests.Templates;

public sealed class TemplateSandboxTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TemplateTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static TemplateModel Model(string json = """{"title": "Поставка", "amount": {"amount": 1234.5, "currency": "RUB"}}""") => new()
    {
        Record = new Sdk.Records.CrmRecord
        {
            Entity = "deal",
            Id = Guid.CreateVersion7(),
            Version = 1,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "alice",
            UpdatedAt = DateTimeOffset.UtcNow,
            UpdatedBy = "alice",
            Values = JsonNode.Parse(json)!.AsObject(),
        },
        User = CrmTestHost.User,
    };

    private async Task<CrmException> FailAsync(string source)
    {
        var e = await Should.ThrowAsync<CrmException>(() => _host.Renderer().RenderTextAsync(source, Model(), CancellationToken.None));
        return e;
    }

    [Fact]
    public async Task RenderText_ShouldRenderTheRecordAndHelpers()
    {
        var text = await _host.Renderer().RenderTextAsync(
            "{{ record.title }}: {{ record.amount | money }}; {{ 3 | plural 'день' 'дня' 'дней' }}; {{ user.name }}", Model(), CancellationToken.None);

        text.ShouldBe("Поставка: 1\u00A0234,50\u00A0₽; дня; Alice");
    }

    [Fact]
    public async Task RenderText_ShouldFailWithLoopLimit_WhenALoopIsHuge()
    {
        var e = await FailAsync("{{ for i in 1..100000000 }}x{{ end }}");
        e.Code.ShouldBe(TemplateErrorCodes.LimitExceeded);
        e.Extensions["limit"].ShouldBe("loop");
    }

    [Fact]
    public async Task RenderText_ShouldFailWithLoopLimit_WhenAWhileNeverEnds() =>
        (await FailAsync("{{ while true }}{{ end }}")).Extensions["limit"].ShouldBe("loop");

    [Fact]
    public async Task RenderText_ShouldFailWithRecursionLimit_WhenAFunctionCallsItself() =>
        (await FailAsync("{{ func f; f; end; f }}")).Extensions["limit"].ShouldBe("recursion");

    [Fact]
    public async Task Render_ShouldFailWithRecursionLimit_WhenATemplateIncludesItself()
    {
        await _host.SaveAsync("loop.self", "x{{ include 'loop.self' }}");

        var e = await Should.ThrowAsync<CrmException>(() => _host.Renderer().RenderAsync("loop.self", Model(), CancellationToken.None));

        e.Code.ShouldBe(TemplateErrorCodes.LimitExceeded);
        e.Extensions["limit"].ShouldBe("recursion");
    }

    [Fact]
    public async Task RenderText_ShouldFailWithOutputLimit_WhenTheOutputIsGiant()
    {
        var e = await FailAsync("{{ for i in 1..9999 }}{{ '0123456789' | string.pad_right 200 }}{{ end }}");
        e.Extensions["limit"].ShouldBe("output");
    }

    [Fact]
    public async Task RenderText_ShouldFailWithStringLimit_WhenAStringDoublesItself() =>
        (await FailAsync("{{ x = 'ab'; for i in 1..40; x = x + x; end; x | string.size }}")).Extensions["limit"].ShouldBe("string");

    [Fact]
    public async Task RenderText_ShouldFailWithNestingLimit_WhenExpressionsAreDeep()
    {
        var e = await FailAsync("{{ " + new string('(', 5000) + "1" + new string(')', 5000) + " }}");
        e.Code.ShouldBe(TemplateErrorCodes.LimitExceeded);
        e.Extensions["limit"].ShouldBe("nesting");
    }

    [Fact]
    public async Task RenderText_ShouldFailWithRegexLimit_WhenAPatternBacktracks() =>
        (await FailAsync("{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$' }}")).Extensions["limit"].ShouldBe("regex");

    [Fact]
    public async Task RenderText_ShouldTimeOut_WhenWorkOutlastsTheTimeLimit()
    {
        await using var host = await TemplateTestHost.StartAsync(o =>
        {
            o.LoopLimit = int.MaxValue;
            o.TimeLimit = TimeSpan.FromMilliseconds(200);
        });

        var e = await Should.ThrowAsync<CrmException>(() =>
            host.Renderer().RenderTextAsync("{{ while true }}{{ end }}", Model(), CancellationToken.None));

        e.Code.ShouldBe(TemplateErrorCodes.Timeout);
    }

    [Fact]
    public async Task RenderText_ShouldNotReachDotNetMembers()
    {
        var text = await _host.Renderer().RenderTextAsync(
            "[{{ now.ticks }}{{ record.title.length }}{{ culture.get_type }}{{ now.to_string }}]", Model(), CancellationToken.None);

        text.ShouldBe("[]");
    }

    [Fact]
    public async Task RenderText_ShouldNotLetOneRenderChangeTheBuiltinsOfAnother()
    {
        await Should.ThrowAsync<CrmException>(() => _host.Renderer().RenderTextAsync("{{ date.format = '%Y' }}", Model(), CancellationToken.None));

        var text = await _host.Renderer().RenderTextAsync("{{ money = 1 }}{{ 5 | plural 'a' 'b' 'c' }}", Model(), CancellationToken.None);
        text.ShouldBe("c");
    }

    [Fact]
    public async Task RenderText_ShouldFailWithNotFound_WhenAnIncludeIsNotStored()
    {
        var e = await FailAsync("{{ include '/etc/passwd' }}");
        e.Code.ShouldBe(TemplateErrorCodes.NotFound);
    }

    [Fact]
    public async Task Render_ShouldIncludeStoredTemplates_InTheRendersLocale()
    {
        await _host.SaveAsync("parts.greeting", "Здравствуйте, {{ user.name }}!", "ru-RU");
        await _host.SaveAsync("parts.greeting", "Hello, {{ user.name }}!", "en");
        await _host.SaveAsync("mail.welcome", "{{ include 'parts.greeting' }} {{ record.title }}", "ru-RU");

        var ru = await _host.Renderer().RenderAsync("mail.welcome", Model(), CancellationToken.None);
        var en = await _host.Renderer().RenderAsync("mail.welcome", new TemplateModel { Record = Model().Record, User = CrmTestHost.User, Culture = "en" }, CancellationToken.None);

        ru.ShouldBe("Здравствуйте, Alice! Поставка");
        en.ShouldBe("Hello, Alice! Поставка");
    }

    [Fact]
    public async Task RenderText_ShouldReportLineAndColumn_WhenAFunctionIsUnknown()
    {
        var e = await FailAsync("line one\n  {{ nope 1 }}");
        e.Code.ShouldBe(TemplateErrorCodes.RenderFailed);
        e.Extensions["line"].ShouldBe(2);
    }

    [Fact]
    public async Task RenderText_ShouldFailWithSyntax_WhenTheSourceDoesNotParse()
    {
        var e = await FailAsync("a\n{{ for }}");
        e.Code.ShouldBe(TemplateErrorCodes.Syntax);
        e.Extensions["line"].ShouldBe(2);
        e.Extensions["column"].ShouldBe(8);
    }

    [Fact]
    public async Task RenderText_ShouldRethrowCancellation_WhenTheCallerCancels()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => _host.Renderer().RenderTextAsync("{{ 1 }}", Model(), cts.Token));
    }
}
