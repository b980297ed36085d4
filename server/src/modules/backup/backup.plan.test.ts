import { type AnyPgColumn, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { planBackup } from './backup.plan.ts';

const names = (tables: ReturnType<typeof planBackup>) => tables.map((table) => table.name);

describe('planBackup', () => {
  it('puts referenced tables first and defers references within a table', () => {
    const parents = pgTable('parents', {
      id: uuid('id').primaryKey(),
      parentId: uuid('parent_id').references((): AnyPgColumn => parents.id),
    });
    const children = pgTable('children', { id: uuid('id').primaryKey(), parentId: uuid('parent_id').notNull().references(() => parents.id) });
    const plan = planBackup([children, parents]);
    expect(names(plan)).toEqual(['parents', 'children']);
    expect(plan[0]?.deferred.map((column) => column.name)).toEqual(['parent_id']);
    expect(plan[1]?.deferred).toEqual([]);
  });

  it('breaks a cycle between tables on a nullable reference', () => {
    const teams = pgTable('teams', {
      id: uuid('id').primaryKey(),
      captainId: uuid('captain_id').references((): AnyPgColumn => players.id),
    });
    const players = pgTable('players', { id: uuid('id').primaryKey(), teamId: uuid('team_id').notNull().references(() => teams.id) });
    const plan = planBackup([players, teams]);
    expect(names(plan)).toEqual(['teams', 'players']);
    expect(plan[0]?.deferred.map((column) => column.name)).toEqual(['captain_id']);
  });

  it('refuses a cycle of required references and a table without a primary key', () => {
    const a = pgTable('a', { id: uuid('id').primaryKey(), bId: uuid('b_id').notNull().references((): AnyPgColumn => b.id) });
    const b = pgTable('b', { id: uuid('id').primaryKey(), aId: uuid('a_id').notNull().references((): AnyPgColumn => a.id) });
    expect(() => planBackup([a, b])).toThrow('refer to each other through required columns');
    expect(() => planBackup([pgTable('loose', { name: text('name') })])).toThrow('loose has no primary key');
  });

  it('leaves sessions out of the schema plan', () => {
    expect(names(planBackup())).not.toContain('sessions');
    expect(names(planBackup())).toContain('users');
  });
});
