using LogSentinel.Store.Server;

namespace LogSentinel.Tests.Server;

public sealed class SqlStatementsTests
{
    [Theory]
    [InlineData("USE logsentinel", "logsentinel")]
    [InlineData("  use `t_1`; ", "t_1")]
    public void TryParseUse_UseStatement_GivesTheDatabase(string sql, string database)
    {
        Assert.True(SqlStatements.TryParseUse(sql, out var parsed));
        Assert.Equal(database, parsed);
    }

    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("USE a; SELECT 1")]
    [InlineData("USER")]
    public void TryParseUse_OtherStatement_False(string sql) => Assert.False(SqlStatements.TryParseUse(sql, out _));

    [Theory]
    [InlineData("INSERT INTO t VALUES (1)", true)]
    [InlineData("  insert into t select 1", true)]
    [InlineData("-- backfill\nINSERT INTO t SELECT 1", true)]
    [InlineData("/* a\nb */ INSERT INTO t SELECT 1", true)]
    [InlineData("SELECT 'INSERT'", false)]
    [InlineData("CREATE TABLE inserts (n UInt8) ENGINE = Memory", false)]
    public void IsInsert_RecognisesInsertsOnly(string sql, bool expected) => Assert.Equal(expected, SqlStatements.IsInsert(sql));
}
