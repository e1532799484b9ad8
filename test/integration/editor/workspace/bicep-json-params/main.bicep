param location string = resourceGroup().location

resource docs 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'calensjsonparams'
  location: location
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
}
