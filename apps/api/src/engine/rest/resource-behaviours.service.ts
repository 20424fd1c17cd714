import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { ResourceDeclaration, SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import type { ApiRecord } from './record-presenter';
import { BEHAVIOUR_RESOURCE, type ResourceBehaviour } from './resource-behaviour';

const NONE: ResourceBehaviour = {};

/**
 * The behaviours modules contribute (providers marked `@Behaviour(resource)`), found once
 * at start; a resource without one behaves generically. Two for one resource fail the start.
 */
@Injectable()
export class ResourceBehaviours implements OnModuleInit {
  private readonly byResource = new Map<string, ResourceBehaviour>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const resource = wrapper.metatype && (Reflect.getMetadata(BEHAVIOUR_RESOURCE, wrapper.metatype) as ResourceDeclaration | undefined);
      if (!resource || !wrapper.instance) continue;
      const known = this.byResource.get(resource.name);
      // The same class provided by two modules is one behaviour; two classes are a mistake.
      if (known && known.constructor !== wrapper.instance.constructor) {
        throw new Error(`${resource.name} has two behaviours: ${known.constructor.name} and ${wrapper.instance.constructor.name}`);
      }
      this.byResource.set(resource.name, wrapper.instance as ResourceBehaviour);
    }
  }

  of(resource: ResourceDeclaration): ResourceBehaviour {
    return this.byResource.get(resource.name) ?? NONE;
  }

  /** The resource's record view, if it has one (reads: lists, single records, exports). */
  async view(manager: EntityManager, resource: ResourceDeclaration, records: ApiRecord[], user: SessionUser): Promise<void> {
    const view = this.of(resource).view;
    if (view && records.length) await view.call(this.of(resource), manager, records, user);
  }
}
