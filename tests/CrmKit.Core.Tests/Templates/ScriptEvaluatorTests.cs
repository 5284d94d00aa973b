using System.Text.Json.Nodes;
using CrmKit.Core.Templates;
using CrmKit.Core.Tests.Services;
using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Tests.Templates;

public sealed class ScriptEvaluatorTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TemplateTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static TemplateModel Model() => new()
    {
        Record = new Sdk.Records.CrmRecord
        {
            Entity = "deal",
            Id = Guid.CreateVersion7(),
            Version = 2,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "alice",
            UpdatedAt = DateTimeOffset.UtcNow,
            UpdatedBy = "alice",
            Values = JsonNode.Parse("""{"stage": "won", "amount": {"amount": 1500, "currency": "RUB"}, "tags": ["a", "b"]}""")!.AsObject(),
        },
        Previous = JsonNode.Parse("""{"stage": "negotiation"}""")!.AsObject(),
        User = CrmTestHost.User,
    };

    [Theory]
    [InlineData("record.stage == 'won' && record.amount.amount > 1000", true)]
    [InlineData("previous.stage != record.stage", true)]
    [InlineData("record.amount.amount > 2000", false)]
    [InlineData("record.missing", false)]
    [InlineData("user.roles | array.contains 'administrator'", true)]
    public async Task EvaluateCondition_ShouldEvaluateOverTheModel(string expression, bool expected) =>
        (await _host.Evaluator().EvaluateConditionAsync(expression, Model(), CancellationToken.None)).ShouldBe(expected);

    [Fact]
    public async Task Evaluate_ShouldReturnJson()
    {
        var value = await _host.Evaluator().EvaluateAsync("{ total: record.amount.amount * 2, tags: record.tags, name: user.name }", Model(), CancellationToken.None);

        value!.ToJsonString().ShouldBe("""{"total":3000,"tags":["a","b"],"name":"Alice"}""");
    }

    [Fact]
    public async Task Evaluate_ShouldFailWithLoopLimit_WhenAnExpressionLoopsForever()
    {
        var e = await Should.ThrowAsync<CrmException>(async () =>
            await _host.Evaluator().EvaluateAsync("while true; end", Model(), CancellationToken.None));

        e.Code.ShouldBe(TemplateErrorCodes.LimitExceeded);
    }

    [Fact]
    public async Task EvaluateCondition_ShouldFailWithSyntax_WhenTheExpressionDoesNotParse()
    {
        var e = await Should.ThrowAsync<CrmException>(async () =>
            await _host.Evaluator().EvaluateConditionAsync("record.stage ==", Model(), CancellationToken.None));

        e.Code.ShouldBe(TemplateErrorCodes.Syntax);
    }
}
