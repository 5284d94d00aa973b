namespace CrmKit.AspNetCore.Tests.Infrastructure;

/// <summary>Entity documents the tests create at run time.</summary>
public static class TestEntities
{
    /// <summary>A "widget": one field of most built-in kinds, name indexed and required.</summary>
    public const string WidgetProperties =
        """
        {
          "name": {"x-crm-type": "string", "maxLength": 100, "x-crm-indexed": true, "x-crm-labels": {"en": "Name", "ru": "Название"}},
          "score": {"x-crm-type": "integer"},
          "amount": {"x-crm-type": "decimal"},
          "price": {"x-crm-type": "money"},
          "stage": {"x-crm-type": "enum", "enum": ["new", "won", "lost"],
                    "x-crm-option-labels": {"new": {"en": "New", "ru": "Новая"}, "won": {"en": "Won", "ru": "Выиграна"}, "lost": {"en": "Lost", "ru": "Проиграна"}}},
          "due": {"x-crm-type": "date"},
          "note": {"x-crm-type": "text"}
        }
        """;

    public const string WidgetRequired = """["name"]""";

    public static Task<string> CreateWidgetAsync(this CrmApi api) => api.CreateEntityAsync(WidgetProperties, WidgetRequired, "w");
}
