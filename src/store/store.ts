/** The store: one connection, its migrations and the repositories built on it. */
import { type BotFile, botFileSchema } from "../core/bot/schema.js";
import { AccountsRepo } from "./accounts-repo.js";
import { ActivityRepo } from "./activity-repo.js";
import { AuthRepo } from "./auth-repo.js";
import { BotsRepo, type DeployHooks } from "./bots-repo.js";
import { ChannelsRepo } from "./channels-repo.js";
import { openDatabase, type StoreConnection } from "./db.js";
import { HelpRepo } from "./help-repo.js";
import { migrateToLatest } from "./migrate.js";
import { RuntimeRepo } from "./runtime-repo.js";

export interface Store {
  connection: StoreConnection;
  accounts: AccountsRepo;
  auth: AuthRepo;
  bots: BotsRepo;
  activity: ActivityRepo;
  runtime: RuntimeRepo;
  help: HelpRepo;
  channels: ChannelsRepo;
  close(): Promise<void>;
}

/** Stored documents were validated on the way in; parsing again fills defaults added since. */
function parseStoredBot(json: string): BotFile {
  return botFileSchema.parse(JSON.parse(json));
}

export interface OpenStoreOptions {
  migrate?: boolean;
  deployHooks?: DeployHooks;
}

export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const connection = openDatabase(url);
  try {
    if (options.migrate ?? true) await migrateToLatest(connection.db, connection.dialect);
  } catch (error) {
    await connection.close();
    throw error;
  }
  const { db } = connection;
  return {
    connection,
    accounts: new AccountsRepo(db),
    auth: new AuthRepo(db),
    bots: new BotsRepo(db, parseStoredBot, options.deployHooks),
    activity: new ActivityRepo(db),
    channels: new ChannelsRepo(db),
    runtime: new RuntimeRepo(db),
    help: new HelpRepo(db),
    close: () => connection.close(),
  };
}
