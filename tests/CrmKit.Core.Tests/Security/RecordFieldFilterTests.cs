using System.Text.Json.Nodes;
using CrmKit.Core.Security;
using CrmKit.Sdk.Records;

namespace CrmKit.Core.Tests.Security;

/// <summary>Hidden fields are cut from the stored JSON text itself; what stays keeps its exact text.</summary>
public sealed class RecordFieldFilterTests
{
    private static EntityAccess Hiding(params string[] fields) => EntityAccess.Combine([new EntityPermissions
    {
        Read = AccessScope.All,
        Fields = fields.ToDictionary(f => f, _ => FieldAccess.Hidden),
    }]);

    private static CrmRecord Record(string json) => new()
    {
        Entity = "deal", Id = Guid.CreateVersion7(), Version = 3, CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "a",
        UpdatedAt = DateTimeOffset.UnixEpoch, UpdatedBy = "b", OwnerId = "a", ValuesJson = json,
    };

    [Fact]
    public void Strip_ShouldCutHiddenMembers_AndKeepTheOthersExactly()
    {
        var json = """{"title":"Поставка «Ромашка»","margin":{"amount":"0.10","currency":"RUB"},"amount":1000.50,"tags":["a",{"b":[1,2.0]}],"note":"quote \" and \\ and \u0007","secret":1e-7,"flag":false,"none":null}""";

        var stripped = RecordFieldFilter.Strip(Record(json), Hiding("margin", "secret"));

        stripped.ValuesJson.ShouldBe("""{"title":"Поставка «Ромашка»","amount":1000.50,"tags":["a",{"b":[1,2.0]}],"note":"quote \" and \\ and \u0007","flag":false,"none":null}""");
        stripped.Version.ShouldBe(3);
        stripped.OwnerId.ShouldBe("a");
    }

    [Fact]
    public void Strip_ShouldReturnTheSameRecord_WhenNoHiddenFieldIsPresent()
    {
        var record = Record("""{"title":"x","amount":5}""");

        RecordFieldFilter.Strip(record, Hiding("margin")).ShouldBeSameAs(record);
        RecordFieldFilter.Strip(record, EntityAccess.Full).ShouldBeSameAs(record);
    }

    [Fact]
    public void Strip_ShouldNotBeFooledByAValueThatLooksLikeAHiddenName()
    {
        var stripped = RecordFieldFilter.Strip(Record("""{"title":"\"margin\"","amount":5}"""), Hiding("margin"));

        JsonNode.Parse(stripped.ValuesJson)!.AsObject().Select(p => p.Key).ShouldBe(["title", "amount"]);
    }

    [Fact]
    public void Strip_ShouldKeepOnlyReadableFields_WhenEverythingElseIsHidden()
    {
        var access = EntityAccess.Combine([new EntityPermissions
        {
            Read = AccessScope.All,
            Fields = new Dictionary<string, FieldAccess> { ["*"] = FieldAccess.Hidden, ["inn"] = FieldAccess.ReadOnly },
        }]);

        var stripped = RecordFieldFilter.Strip(Record("""{"name":"x","inn":"7707083893","phone":"+7"}"""), access);

        stripped.ValuesJson.ShouldBe("""{"inn":"7707083893"}""");
    }
}
