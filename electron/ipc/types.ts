import type { Channel, Contract, Output, ParsedInput } from '../../shared/ipc/contract';
import type { User } from '../../shared/domain/identity';
import type { Db } from '../db/connection';
import type { Practice } from '../practice/practice';
import type { Logger, Platform } from '../platform/types';

export interface Deps {
  practice: Practice;
  platform: Platform;
  log: Logger;
}

export interface SessionDeps extends Deps {
  db: Db;
  user: User;
}

type ContextFor<C extends Channel> = Contract[C]['access'] extends 'user' ? SessionDeps : Deps;

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  ctx: ContextFor<C>,
) => Output<C> | Promise<Output<C>>;

export type Handlers = { [C in Channel]: Handler<C> };

/** A domain's part of the handler map. */
export type DomainHandlers<P extends string> = {
  [C in Channel as C extends `${P}.${string}` ? C : never]: Handler<C>;
};
