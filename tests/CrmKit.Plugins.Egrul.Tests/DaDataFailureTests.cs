using System.Text.Json.Nodes;
using CrmKit.Plugins.Egrul.Tests.Infrastructure;
using CrmKit.Sdk.Errors;

namespace CrmKit.Plugins.Egrul.Tests;

/// <summary>
/// What happens when DaData misbehaves: each failure is a distinct, stable error (not found is an empty answer,
/// rate-limited, unauthorized and provider-down are errors), transient ones are retried with backoff, and a provider
/// that keeps failing trips the circuit breaker. The token never reaches a log.
/// </summary>
public sealed class DaDataFailureTests : IAsyncLifetime
{
    private EgrulHost _host = null!;

    private FakeDaData DaData => _host.DaData;

    public async Task InitializeAsync() => _host = await EgrulHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Lookup_ShouldRetryA500_AndSucceedWhenDaDataRecovers()
    {
        DaData.Enqueue(FakeReply.Error(500), FakeReply.Error(502));

        var entry = (await _host.LookupAsync(DaDataPayloads.MotorikaInn)).ShouldHaveSingleItem();

        entry.Inn.ShouldBe(DaDataPayloads.MotorikaInn);
        DaData.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Lookup_ShouldBeProviderUnavailable_WhenEvery500IsRetriedInVain()
    {
        DaData.Default = FakeReply.Error(500);

        var refusal = await Should.ThrowAsync<CrmException>(() => _host.LookupAsync(DaDataPayloads.MotorikaInn));

        refusal.Kind.ShouldBe(CrmErrorKind.Unavailable);
        refusal.Code.ShouldBe(EgrulErrorCodes.ProviderUnavailable);
        refusal.Message.ShouldContain("HTTP 500");
        DaData.Requests.Count.ShouldBe(3); // the call and maxRetries = 2
    }

    [Fact]
    public async Task Lookup_ShouldRetryA429_HonouringRetryAfter_ThenBeRateLimited()
    {
        DaData.Default = FakeReply.Error(429, retryAfter: "0");

        var refusal = await Should.ThrowAsync<CrmException>(() => _host.LookupAsync(DaDataPayloads.MotorikaInn));

        refusal.Code.ShouldBe(EgrulErrorCodes.RateLimited);
        refusal.Kind.ShouldBe(CrmErrorKind.Unavailable);
        refusal.Extensions["retryAfter"].ShouldBe(0);
        DaData.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Lookup_ShouldNotWait_ForARetryAfterLongerThanAllowed()
    {
        DaData.Default = FakeReply.Error(429, retryAfter: "3600");

        var refusal = await Should.ThrowAsync<CrmException>(() => _host.LookupAsync(DaDataPayloads.MotorikaInn));

        refusal.Code.ShouldBe(EgrulErrorCodes.RateLimited);
        refusal.Extensions["retryAfter"].ShouldBe(3600);
        DaData.Requests.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Lookup_ShouldBeUnauthorized_WithoutRetrying(int status)
    {
        DaData.Default = FakeReply.Error(status);

        var refusal = await Should.ThrowAsync<CrmException>(() => _host.LookupAsync(DaDataPayloads.MotorikaInn));

        refusal.Code.ShouldBe(EgrulErrorCodes.Unauthorized);
        refusal.Message.ShouldNotContain(EgrulHost.Token);
        DaData.Requests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Lookup_ShouldRetryASlowAnswer_AfterTheAttemptTimeout()
    {
        await _host.SaveSettingsAsync(new JsonObject { ["attemptTimeoutSeconds"] = 1 });
        DaData.Enqueue(FakeReply.Slow(TimeSpan.FromSeconds(5), DaDataPayloads.Motorika()));

        var entry = (await _host.LookupAsync(DaDataPayloads.MotorikaInn)).ShouldHaveSingleItem();

        entry.Inn.ShouldBe(DaDataPayloads.MotorikaInn);
        DaData.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Lookup_ShouldBeProviderUnavailable_WhenDaDataNeverAnswersInTime()
    {
        await _host.SaveSettingsAsync(new JsonObject { ["attemptTimeoutSeconds"] = 0.2, ["maxRetries"] = 1 });
        DaData.Default = FakeReply.Slow(TimeSpan.FromSeconds(5), DaDataPayloads.Motorika());

        var refusal = await Should.ThrowAsync<CrmException>(() => _host.LookupAsync(DaDataPayloads.MotorikaInn));

        refusal.Code.ShouldBe(EgrulErrorCodes.ProviderUnavailable);
        refusal.Message.ShouldContain("in time");
        DaData.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Lookup_ShouldStopCallingDaData_OnceTheCircuitOpens()
    {
        await _host.SaveSettingsAsync(new JsonObject { ["maxRetries"] = 0, ["breakDurationSeconds"] = 60 });
        DaData.Default = FakeReply.Error(503);
        for (var i = 0; i < 5; i++)
        {
            (await Should.ThrowAsync<CrmException>(() => _host.LookupAsync(DaDataPayloads.MotorikaInn))).Code.ShouldBe(EgrulErrorCodes.ProviderUnavailable);
        }

        DaData.Requests.Count.ShouldBe(5);
        DaData.Default = FakeReply.Json(DaDataPayloads.Motorika());

        var refusal = await Should.ThrowAsync<CrmException>(() => _host.LookupAsync(DaDataPayloads.MotorikaInn));

        refusal.Code.ShouldBe(EgrulErrorCodes.ProviderUnavailable);
        refusal.Message.ShouldContain("circuit is open");
        DaData.Requests.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Lookup_ShouldBeProviderUnavailable_WhenNothingListens()
    {
        await _host.SaveSettingsAsync(new JsonObject { ["baseUrl"] = "http://127.0.0.1:1", ["maxRetries"] = 0 });

        var refusal = await Should.ThrowAsync<CrmException>(() => _host.LookupAsync(DaDataPayloads.MotorikaInn));

        refusal.Code.ShouldBe(EgrulErrorCodes.ProviderUnavailable);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"items": []}""")]
    [InlineData("""[1, 2]""")]
    public async Task Lookup_ShouldBeBadResponse_WhenTheAnswerIsNotAFindByIdAnswer(string body)
    {
        DaData.Default = new FakeReply(200, body);

        var refusal = await Should.ThrowAsync<CrmException>(() => _host.LookupAsync(DaDataPayloads.MotorikaInn));

        refusal.Code.ShouldBe(EgrulErrorCodes.BadResponse);
    }

    [Fact]
    public async Task Lookup_ShouldBeNotConfigured_WithoutAToken_AndSendNothing()
    {
        await _host.SaveSettingsAsync(new JsonObject { ["token"] = null });

        var refusal = await Should.ThrowAsync<CrmException>(() => _host.LookupAsync(DaDataPayloads.MotorikaInn));

        refusal.Code.ShouldBe(EgrulErrorCodes.NotConfigured);
        DaData.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Lookup_ShouldIgnoreEntriesWithoutAnInn_AndBlocksOfTheWrongKind()
    {
        var answer = DaDataPayloads.Motorika();
        var data = answer["suggestions"]![0]!["data"]!;
        data["state"] = "ACTIVE";
        data["management"] = new JsonArray();
        data["ogrn_date"] = "yesterday";
        answer["suggestions"]!.AsArray().Add(new JsonObject { ["value"] = "no data" });
        DaData.Default = FakeReply.Json(answer);

        var entry = (await _host.LookupAsync(DaDataPayloads.MotorikaInn)).ShouldHaveSingleItem();

        entry.Status.ShouldBeNull();
        entry.DirectorName.ShouldBeNull();
        entry.RegistrationDate.ShouldBeNull();
    }

    [Fact]
    public async Task Logs_ShouldNeverContainTheToken()
    {
        DaData.Enqueue(FakeReply.Error(500), FakeReply.Error(401));
        await Should.ThrowAsync<CrmException>(() => _host.LookupAsync(DaDataPayloads.MotorikaInn));
        await _host.LookupAsync("7707083893");

        _host.Logs.Lines.ShouldNotBeEmpty();
        _host.Logs.Lines.ShouldContain(l => l.Contains("findById/party", StringComparison.Ordinal));
        _host.Logs.Lines.ShouldNotContain(l => l.Contains(EgrulHost.Token, StringComparison.Ordinal));
    }
}
