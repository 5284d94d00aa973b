using CrmKit.Sdk.Builders;

namespace CrmKit.Core.StandardModel;

/// <content>The note entity.</content>
public sealed partial class StandardCrmModule
{
    private static void DefineNote(EntityBuilder entity)
    {
        entity.Label("Note", "Заметка").PluralLabel("Notes", "Заметки");
        entity
            .Text("body", f => f.Label("Text", "Текст").Required())
            .Boolean("pinned", f => f.Label("Pinned", "Закреплена"));
        RegardingLinks(entity);
    }
}
