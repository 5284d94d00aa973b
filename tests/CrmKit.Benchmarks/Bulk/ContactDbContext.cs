using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CrmKit.Benchmarks.Bulk;

/// <summary>
/// Maps <see cref="ContactRow"/> onto the existing <c>e_contact</c> table. The table and its expression indexes are
/// created from CrmKit's own DDL (EF Core cannot declare a <c>json_extract</c> expression index), not by
/// <c>EnsureCreated</c>, so EF Core writes into exactly the layout CrmKit uses.
/// </summary>
internal sealed class ContactDbContext(DbConnection connection) : DbContext
{
    public DbSet<ContactRow> Contacts => Set<ContactRow>();

    public DbSet<AuditRow> Audit => Set<AuditRow>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseSqlite(connection);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var row = modelBuilder.Entity<ContactRow>();
        row.ToTable("e_contact");
        row.HasKey(r => r.Id);
        row.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        row.Property(r => r.Version).HasColumnName("version");
        row.Property(r => r.CreatedAt).HasColumnName("created_at");
        row.Property(r => r.CreatedBy).HasColumnName("created_by");
        row.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        row.Property(r => r.UpdatedBy).HasColumnName("updated_by");
        row.Property(r => r.OwnerId).HasColumnName("owner_id");
        row.Property(r => r.DeletedAt).HasColumnName("deleted_at");
        row.Property(r => r.Data).HasColumnName("data");

        var audit = modelBuilder.Entity<AuditRow>();
        audit.ToTable("crm_audit");
        audit.HasKey(a => a.Seq);
        audit.Property(a => a.Seq).HasColumnName("seq").ValueGeneratedOnAdd();
        audit.Property(a => a.Entity).HasColumnName("entity");
        audit.Property(a => a.RecordId).HasColumnName("record_id");
        audit.Property(a => a.Operation).HasColumnName("operation");
        audit.Property(a => a.At).HasColumnName("at");
        audit.Property(a => a.UserId).HasColumnName("user_id");
        audit.Property(a => a.UserName).HasColumnName("user_name");
        audit.Property(a => a.Channel).HasColumnName("channel");
        audit.Property(a => a.RecordVersion).HasColumnName("record_version");
        audit.Property(a => a.NewValues).HasColumnName("new_values");
    }
}
