// A document whose operation cannot be chosen (operationName names none of its operations, or
// it has several and no name) is the client's mistake: HTTP 400 BAD_REQUEST, refused before
// execution starts, so no later plugin has to cope with a missing operation.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';

export function createOperationGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          if (operation) return;
          const count = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
          const message = request.operationName
            ? `Unknown operation named ${JSON.stringify(request.operationName)}: the document defines no operation of that name`
            : count === 0
              ? 'The document defines no operation'
              : 'The document defines several operations: say which one to run with operationName';
          throw new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        },
      };
    },
  };
}
