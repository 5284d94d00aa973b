using CrmKit.Sdk.Builders;

namespace CrmKit.Core.StandardModel;

/// <content>The activity entity.</content>
public sealed partial class StandardCrmModule
{
    private static void DefineActivity(EntityBuilder entity)
    {
        entity.Label("Activity", "Дело").PluralLabel("Activities", "Дела");
        entity
            .Enum("type", f => f
                .Label("Type", "Тип")
                .Option("task", "Task", "Задача")
                .Option("call", "Call", "Звонок")
                .Option("meeting", "Meeting", "Встреча")
                .Option("email", "E-mail", "Письмо")
                .Option("message", "Message", "Сообщение")
                .Required())
            .String("subject", f => f.Label("Subject", "Тема").Required())
            .Text("description", f => f.Label("Description", "Описание"))
            .DateTime("due_at", f => f.Label("Due", "Срок").Indexed())
            .Enum("status", f => f
                .Label("Status", "Статус")
                .Option("planned", "Planned", "Запланировано")
                .Option("done", "Done", "Выполнено")
                .Option("cancelled", "Cancelled", "Отменено")
                .Indexed())
            .DateTime("completed_at", f => f.Label("Completed at", "Дата выполнения"));
        ResponsibleUser(entity);
        RegardingLinks(entity);
        ActivityChannelFields(entity);
    }
}
