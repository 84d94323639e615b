using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store;
using LogSentinel.Store.Users;
using Spectre.Console;

namespace LogSentinel.Cli.Users;

/// <summary>
/// <c>logsentinel users add NAME --role R | list | revoke NAME</c>: API users. A new key is printed once and only
/// its hash is stored; a lost key is revoked and a new one issued.
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Create, list and revoke API users and their keys.");
        command.Subcommands.Add(CreateAdd());
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateRevoke());
        return command;
    }

    private static Command CreateAdd()
    {
        var name = new Argument<string>("name") { Description = "The user's name (shown in the audit trail)." };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true };
        var command = new Command("add", "Create a user and print its API key (shown once).");
        command.Arguments.Add(name);
        command.Options.Add(role);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var userName = parse.GetRequiredValue(name).Trim();
            var userRole = parse.GetRequiredValue(role).Trim().ToLowerInvariant();
            if (!Roles.IsKnown(userRole))
            {
                throw new ConfigurationException($"--role '{userRole}' is not one of {string.Join(", ", Roles.All)}.");
            }

            if (userName.Length is 0 or > 100 || userName.Any(char.IsControl))
            {
                throw new ConfigurationException("The user name must be 1 to 100 printable characters.");
            }

            var (key, keyId) = ApiKeys.Create();
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await store.Users.AddAsync(new ApiUser(userName, userRole, keyId, ApiKeys.Hash(key), DateTime.UtcNow, Environment.UserName, null), cancellationToken)
                .ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Created {userName} ({userRole}). API key (shown only now; send it as the X-Api-Key header):").ConfigureAwait(false);
            await output.WriteLineAsync(key).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("list", "List users, active and revoked (never their keys).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var users = await store.Users.ListAsync(cancellationToken).ConfigureAwait(false);
            var table = new Table().AddColumn("Name").AddColumn("Role").AddColumn("Key id").AddColumn("Created").AddColumn("By").AddColumn("Revoked");
            foreach (var u in users)
            {
                table.AddRow(
                    Markup.Escape(u.Name), u.Role, u.KeyId, u.CreatedAt.ToString("u", CultureInfo.InvariantCulture), Markup.Escape(u.CreatedBy),
                    u.RevokedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-");
            }

            ConsoleOutput.For(parse).Write(table);
            return 0;
        });
        return command;
    }

    private static Command CreateRevoke()
    {
        var name = new Argument<string>("name") { Description = "The user whose key stops working." };
        var command = new Command("revoke", "Revoke a user's key at once.");
        command.Arguments.Add(name);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var userName = parse.GetRequiredValue(name).Trim();
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (!await store.Users.RevokeAsync(userName, DateTime.UtcNow, cancellationToken).ConfigureAwait(false))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"logsentinel: no active user named '{userName}'.").ConfigureAwait(false);
                return 1;
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"Revoked {userName}.").ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
