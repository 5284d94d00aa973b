using System.Text.Json.Nodes;
using CrmKit.Sdk.Records;

namespace CrmKit.Sdk.Tests.Records;

public sealed class CrmRecordTests
{
    private static CrmRecord Record(string? json = null, JsonObject? values = null)
    {
        var now = DateTimeOffset.UnixEpoch;
        return json is not null
            ? new CrmRecord { Entity = "deal", Id = Guid.Empty, Version = 1, CreatedAt = now, CreatedBy = "a", UpdatedAt = now, UpdatedBy = "a", ValuesJson = json }
            : values is not null
                ? new CrmRecord { Entity = "deal", Id = Guid.Empty, Version = 1, CreatedAt = now, CreatedBy = "a", UpdatedAt = now, UpdatedBy = "a", Values = values }
                : new CrmRecord { Entity = "deal", Id = Guid.Empty, Version = 1, CreatedAt = now, CreatedBy = "a", UpdatedAt = now, UpdatedBy = "a" };
    }

    [Fact]
    public void ValuesJson_ShouldStayByteExact_UntilValuesAreRead()
    {
        const string stored = """{"amount":{"amount":12345678901234.56,"currency":"RUB"},"name":"Ромашка"}""";

        var record = Record(stored);

        record.ValuesJson.ShouldBe(stored);
        record.Values["amount"]!["amount"]!.GetValue<decimal>().ShouldBe(12345678901234.56m);
    }

    [Fact]
    public void ValuesJson_ShouldFollowValues_AfterTheyChange()
    {
        var record = Record("""{"name":"A"}""");

        record.Values["name"] = "Ромашка +7";

        record.ValuesJson.ShouldBe("""{"name":"Ромашка +7"}""");
    }

    [Fact]
    public void Values_ShouldThrow_WhenNeitherFormWasSet()
    {
        Should.Throw<InvalidOperationException>(() => Record().Values);
        Record(values: new JsonObject { ["x"] = 1 }).ValuesJson.ShouldBe("""{"x":1}""");
    }
}
